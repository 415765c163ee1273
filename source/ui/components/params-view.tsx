import { Box, Text } from 'ink';
import type { CatalogTest, ParamSpec } from '../../core/catalog/schema.js';
import type { Suggestion } from '../../core/cluster/suggest-values.js';
import { isRequired } from '../../core/params/render.js';
import { oneLine } from '../../core/text/sanitize.js';
import type { TextField } from '../hooks/text-field.js';
import type { PreviewSegment } from '../state/command-preview.js';
import type { Theme } from '../theme.js';
import { CommandPreviewView } from './command-preview-view.js';
import { Spinner } from './spinner.js';
import { TextFieldView } from './text-field-view.js';
import { listWindow } from './window.js';

export type ParamsViewProps = {
  test: CatalogTest;
  spec: ParamSpec;
  index: number;
  count: number;
  segments: PreviewSegment[];
  field: TextField;
  shown: readonly Suggestion[];
  cursor: number;
  error?: string | undefined;
  loading: boolean;
  reason?: string | undefined;
  /** "12s ago": when the cluster's values were read. */
  age?: string | undefined;
  width: number;
  rows: number;
  theme: Theme;
};

/** Step 3 as drawn: the whole command with the current parameter highlighted, the field, the suggestions. */
export function ParamsView(props: ParamsViewProps) {
  const { test, spec, segments, field, shown, cursor, error, width, theme } = props;
  // Wrapping breaks at spaces, so allow a little more than the characters need.
  const commandRows = Math.min(5, Math.ceil(segments.reduce((n, seg) => n + seg.text.length, 2) / Math.max(1, width - 8)));
  const listRows = Math.max(1, props.rows - 5 - commandRows - (error ? 1 : 0) - (props.loading || props.reason ? 1 : 0));
  const view = listWindow(shown.length, Math.max(0, cursor), listRows);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {`${oneLine(test.title, Math.max(10, width - 22))}  `}
        <Text dimColor>{`parameter ${props.index + 1} of ${props.count}`}</Text>
      </Text>
      <Box height={commandRows} overflow="hidden">
        <CommandPreviewView segments={segments} current={spec.name} color={theme.color} />
      </Box>
      <Text wrap="truncate-end">
        <Text bold>{spec.name}</Text>
        <Text dimColor>{` (${spec.type}${isRequired(spec) ? '' : ', optional'})`}</Text>
        {spec.description ? ` ${oneLine(spec.description)}` : ''}
      </Text>
      <Box>
        <Text color={theme.color ? 'cyan' : undefined}>{`${theme.symbols.cursor} `}</Text>
        <TextFieldView field={field} placeholder={`type a ${spec.type}${shown.length > 0 ? ', or ↓ to pick one below' : ''}`} color={theme.color} width={width - 2} />
      </Box>
      {error ? <Text color={theme.color ? 'red' : undefined} wrap="truncate-end">{`error: ${oneLine(error)}`}</Text> : null}
      {props.loading ? <Spinner label={`loading ${spec.type} suggestions from the cluster (keep typing)`} unicode={theme.unicode} /> : null}
      {!props.loading && props.reason ? <Text dimColor wrap="truncate-end">{oneLine(`no suggestions, type the value: ${props.reason}`)}</Text> : null}
      {shown.length > 0 || props.age ? <Text dimColor wrap="truncate-end">{heading(view.label, props.age, cursor >= 0, shown.length > 0)}</Text> : null}
      {shown.slice(view.start, view.end).map((s, i) => {
        const active = view.start + i === cursor;
        return (
          <Text key={s.value} inverse={theme.color && active} bold={active} wrap="truncate-end">
            {active ? `${theme.symbols.cursor} ` : '  '}
            {oneLine(s.value, Math.max(10, width - 12))}
            {s.note ? <Text dimColor>{`  ${oneLine(s.note)}`}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

/** "suggestions 1–8 of 12 · from the cluster 2m ago (ctrl+r refreshes) · ↓ picks one". */
function heading(range: string | undefined, age: string | undefined, highlighted: boolean, any: boolean): string {
  const how = !any ? '' : highlighted ? '· enter takes the highlighted one, tab keeps what you typed' : '· ↓ picks one, enter takes what is typed';
  return ['suggestions', range ?? '', age ? `· from the cluster ${age} (ctrl+r refreshes)` : '', how].filter(Boolean).join(' ');
}
