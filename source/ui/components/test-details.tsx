import { Box, Text } from 'ink';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { commandTemplate } from '../../core/params/template.js';

/** What a test does and why, for the detail pane: summary, explain, the command and docs. */
export function TestDetails({ test, width, rows }: { test: CatalogTest; width: number; rows: number }) {
  const lines = [
    test.summary,
    '',
    ...wrap(test.explain, width - 4),
    '',
    `$ ${commandTemplate(test)}`,
    ...test.docs.map((d) => `docs: ${d}`),
  ].slice(0, Math.max(3, rows));
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{`${test.title}  (${test.id})`}</Text>
      {lines.map((line, i) => (
        <Text key={i} dimColor={line.startsWith('docs:')}>
          {line.slice(0, width - 2)}
        </Text>
      ))}
    </Box>
  );
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
