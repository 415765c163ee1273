import { Box, Text } from 'ink';
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/render.js';
import { useApp } from '../app-context.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { clamp } from '../components/window.js';

const LABELS: Record<ExportFormat, string> = {
  md: 'Markdown (GitHub, GitLab)',
  jira: 'Jira wiki markup',
  json: 'JSON (for machines)',
};

/** Step 7: the session as a ticket-ready report, secrets redacted. */
export function ExportScreen() {
  const { services, state, dispatch } = useApp();
  const theme = services.theme;
  const [cursor, setCursor] = useState(0);
  useKeys((_input, _key, name) => {
    const action = actionFor('export', name);
    if (action === 'up' || action === 'down') {
      setCursor((c) => clamp(c + (action === 'down' ? 1 : -1), 0, EXPORT_FORMATS.length - 1));
      return true;
    }
    if (action === 'write') {
      const format = EXPORT_FORMATS[cursor] as ExportFormat;
      const written = services.exportReport(format);
      if ('path' in written) {
        dispatch({ type: 'exported', path: written.path });
        dispatch({ type: 'message', message: { kind: 'info', text: `report written to ${written.path}` } });
      } else dispatch({ type: 'message', message: { kind: 'error', text: written.error } });
      return true;
    }
    if (action === 'copy') {
      const format = EXPORT_FORMATS[cursor] as ExportFormat;
      void services.copyText(services.reportText(format)).then((text) => dispatch({ type: 'message', message: { kind: 'info', text } }));
      return true;
    }
    if (action === 'back') {
      dispatch({ type: 'go', screen: { name: 'next' } });
      return true;
    }
    return false;
  });
  return (
    <Box flexDirection="column">
      <Text bold>Export the triage report (secrets are redacted)</Text>
      {EXPORT_FORMATS.map((format, i) => (
        <Text key={format} inverse={theme.color && i === cursor} bold={i === cursor}>
          {i === cursor ? `${theme.symbols.cursor} ` : '  '}
          {LABELS[format]}
        </Text>
      ))}
      {state.exportedPath ? <Text>{`last written: ${state.exportedPath}`}</Text> : null}
    </Box>
  );
}
