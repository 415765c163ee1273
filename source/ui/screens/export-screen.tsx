import { Box, Text } from 'ink';
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/render.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp, type AppContextValue } from '../app-context.js';
import { TextFieldView } from '../components/text-field-view.js';
import { clamp } from '../components/window.js';
import { editField, fieldOf, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import type { Theme } from '../theme.js';

const LABELS: Record<ExportFormat, string> = {
  md: 'Markdown (GitHub, GitLab)',
  jira: 'Jira wiki markup',
  json: 'JSON (for machines)',
};

/** Step 7: the session as a ticket-ready report, secrets redacted, in a format and a place the user picks. */
export function ExportScreen() {
  const app = useApp();
  const s = useExportState(app);
  useExportKeys(app, s);
  const { services, state, size } = app;
  return <ExportView format={s.format} destination={s.destination} editing={s.editing} written={state.exportedPath} width={size.columns} theme={services.theme} />;
}

type ExportState = ReturnType<typeof useExportState>;

/**
 * The chosen format and destination. The destination starts where the settings say reports go
 * (else the current folder) and follows the format's extension until the user types their own.
 */
function useExportState({ services }: AppContextValue) {
  const [cursor, setCursor] = useState(() => Math.max(0, EXPORT_FORMATS.indexOf(services.exportFormat ?? 'md')));
  const format = EXPORT_FORMATS[cursor] as ExportFormat;
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<TextField | undefined>(undefined);
  const destination = typed ?? services.exportPath?.(format) ?? '';
  return { cursor, setCursor, format, typed, setTyped, editing, setEditing, destination };
}

function useExportKeys({ services, dispatch, exit }: AppContextValue, s: ExportState) {
  const say = (kind: 'info' | 'error', text: string) => dispatch({ type: 'message', message: { kind, text } });
  useKeys(
    (input, key, name) => {
      if (s.editing) {
        const action = actionFor('destination', name);
        if (action === 'apply') {
          s.setTyped(s.editing.value.trim() || undefined);
          s.setEditing(undefined);
        } else if (action === 'cancel') s.setEditing(undefined);
        else {
          const edited = editField(s.editing, input, key);
          if (edited) s.setEditing(edited);
        }
        return true;
      }
      switch (actionFor('export', name)) {
        case 'up':
          s.setCursor((c) => clamp(c - 1, 0, EXPORT_FORMATS.length - 1));
          return true;
        case 'down':
          s.setCursor((c) => clamp(c + 1, 0, EXPORT_FORMATS.length - 1));
          return true;
        case 'destination':
          s.setEditing(fieldOf(s.destination));
          return true;
        case 'write': {
          const written = services.exportReport(s.format, s.typed);
          if ('path' in written) {
            dispatch({ type: 'exported', path: written.path });
            say('info', `report written to ${written.path}`);
          } else say('error', written.error);
          return true;
        }
        case 'copy':
          void services.copyText(services.reportText(s.format)).then((text) => say('info', text));
          return true;
        case 'finish':
          exit();
          return true;
        case 'back':
          dispatch({ type: 'go', screen: { name: 'next' } });
          return true;
        default:
          return false;
      }
    },
    s.editing ? 'destination' : 'export',
  );
}

type ExportViewProps = { format: ExportFormat; destination: string; editing?: TextField | undefined; written?: string | undefined; width: number; theme: Theme };

function ExportView({ format, destination, editing, written, width, theme }: ExportViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">Export the triage report (secrets are redacted)</Text>
      <Text> </Text>
      <Text dimColor>Format (↑/↓):</Text>
      {EXPORT_FORMATS.map((f) => (
        <Text key={f} inverse={theme.color && f === format} bold={f === format} wrap="truncate-end">
          {f === format ? `${theme.symbols.cursor} ${theme.symbols.selected} ` : `  ${theme.symbols.unselected} `}
          {LABELS[f]}
        </Text>
      ))}
      <Text> </Text>
      <Text dimColor>{editing ? 'Destination (a file, or a folder for the default name; enter uses it, esc cancels):' : 'Destination (d changes it):'}</Text>
      {editing ? (
        <Box>
          <Text>{`${theme.symbols.cursor} `}</Text>
          <TextFieldView field={editing} color={theme.color} width={width - 2} />
        </Box>
      ) : (
        <Text wrap="truncate-start">{`  ${oneLine(destination) || 'the current folder'}`}</Text>
      )}
      <Text> </Text>
      {!editing ? <Text wrap="truncate-end">enter writes the report there; c copies it to the clipboard instead; q finishes</Text> : null}
      {written ? <Text wrap="truncate-start">{`last written: ${oneLine(written)}`}</Text> : null}
    </Box>
  );
}
