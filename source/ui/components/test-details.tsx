import { Box, Text } from 'ink';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { commandTemplate } from '../../core/params/template.js';
import { oneLine } from '../../core/text/sanitize.js';
import { wrapText } from '../state/wrap-text.js';

type DetailLine = { text: string; kind?: 'heading' | 'command' | 'dim' };

/**
 * What a test does and why, for the detail pane: what it checks, how to read it, where it runs,
 * the command with its placeholders and the docs. Everything is wrapped to the width; when the
 * pane is short, the explanation is cut and the command and docs still show.
 */
export function TestDetails({ test, width, rows }: { test: CatalogTest; width: number; rows: number }) {
  const lines = detailLines(test, width, Math.max(3, rows - 1));
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.map((line, i) => (
        <Text key={i} bold={line.kind === 'heading'} dimColor={line.kind === 'dim'} wrap="truncate-end">
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}

/** The pane's lines within `rows`: heading, where it runs, summary, explanation, command, docs. */
export function detailLines(test: CatalogTest, width: number, rows: number): DetailLine[] {
  const room = Math.max(10, width - 1);
  const where = test.target === 'pod' ? 'runs inside a pod you choose (kubectl exec)' : 'runs here';
  const needs = test.requires.tools.length > 0 ? ` · needs ${test.requires.tools.join(', ')}` : '';
  const head: DetailLine[] = [
    { text: oneLine(`${test.title}  (${test.id})`, room), kind: 'heading' },
    { text: oneLine(`${test.component} · ${test.effect === 'mutating' ? 'MUTATING: changes the cluster' : 'read-only'} · ${where}${needs}`, room), kind: 'dim' },
  ];
  const summary = wrapText(`What it checks: ${oneLine(test.summary)}`, room).map((text): DetailLine => ({ text }));
  const explain = wrapText(`How to read it: ${oneLine(test.explain)}`, room).map((text): DetailLine => ({ text }));
  const command = wrapText(`$ ${oneLine(commandTemplate(test))}`, room).map((text): DetailLine => ({ text, kind: 'command' }));
  const docs = test.docs.map((d): DetailLine => ({ text: oneLine(`docs: ${d}`, room), kind: 'dim' }));
  // The command and the docs matter most after the heading; the explanation gives way first.
  const tight = rows < 14;
  const commandLines = tight ? 2 : 3;
  const tail = [
    ...command.slice(0, commandLines),
    ...(command.length > commandLines ? [{ text: '  … (the whole command shows before it runs)', kind: 'dim' as const }] : []),
    ...docs.slice(0, tight ? 1 : 3),
  ];
  const budget = rows - head.length - tail.length;
  const body = [...summary, ...explain];
  const shown = body.length > budget ? [...body.slice(0, Math.max(0, budget - 1)), ...(budget > 0 ? [{ text: '… (make the terminal taller to read the rest)', kind: 'dim' as const }] : [])] : body;
  return [...head, ...shown, ...tail].slice(0, rows);
}
