import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { code, fenced, inline, renderMarkdown } from '../../../source/core/export/markdown.js';
import { buildReport } from '../../../source/core/export/report-model.js';
import { HOSTILE_OUTPUT, sampleSession } from './sample-session.js';

/** Every token of a document, depth first, so nested list items and their code blocks count too. */
function allTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => {
    const children = [
      ...((token as { tokens?: Token[] }).tokens ?? []),
      ...((token as Tokens.List).items ?? []),
    ];
    return [token, ...allTokens(children)];
  });
}

/** The text a reader sees in a cell or heading: escapes resolved, markup dropped. */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? []).map((t) => ((t as { tokens?: Token[] }).tokens ? plain((t as { tokens: Token[] }).tokens) : (t as { text?: string }).text ?? '')).join('');
}

const parse = (markdown: string) => allTokens(new Lexer({ gfm: true }).lex(markdown));

describe('markdown report, parsed with a real GFM parser', () => {
  const report = buildReport(sampleSession(), { redact: true, outputLimits: { lineChars: 5000, lines: 100 } });
  const markdown = renderMarkdown(report);
  const tokens = parse(markdown);

  it('keeps its heading outline whatever the user typed', () => {
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((h) => `${'#'.repeat(h.depth)} ${plain(h.tokens)}`);
    expect(headings).toEqual([
      '# Triage: Postgres | is <b>down</b> `for` # everyone',
      '## Summary',
      '## 1. Postgres | is <b>down</b> `for` # everyone — CONFIRMED',
      '### ✖ Pods not running — anomaly',
      '### ✖ Pods not running — anomaly',
      '### ! Connections near max_connections — error',
      '## 2. DNS is broken — REFUTED',
      '### ✔ Service name resolves — healthy',
      '### ⏹ Slow lookups — interrupted',
      '## For the SRE to run',
      '## Appendix: commands to reproduce',
    ]);
  });

  it('keeps its tables: the metadata and one summary row per hypothesis, pipes inside cells intact', () => {
    const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0]?.rows.map((row) => plain(row[0]?.tokens))).toEqual(['Context', 'Namespaces', 'Time window', 'Session', 'hunch', 'Secrets']);
    const summary = tables[1];
    expect(summary?.header.map((cell) => cell.text)).toEqual(['#', 'Hypothesis', 'Verdict', 'Tests', 'Conclusion']);
    expect(summary?.rows.map((row) => row.map((cell) => plain(cell.tokens)))).toEqual([
      ['1', 'Postgres | is <b>down</b> `for` # everyone', 'CONFIRMED', '3', 'db-0 crash-loops: its data volume is full'],
      ['2', 'DNS is broken', 'REFUTED', '2', 'names resolve'],
    ]);
  });

  it('keeps output containing fences, HTML and table rows inside one code block, byte for byte', () => {
    const blocks = tokens.filter((t): t is Tokens.Code => t.type === 'code');
    expect(blocks.filter((b) => b.lang === 'text').map((b) => b.text)).toContain(HOSTILE_OUTPUT);
    // The only HTML is hunch's own <details> wrappers: nothing from output or notes became markup.
    const html = tokens.filter((t) => t.type === 'html').map((t) => (t as Tokens.HTML).text.trim());
    expect(html.every((h) => /^<details>|^<\/details>$/.test(h))).toBe(true);
  });

  it('shows each command as it ran in a sh block, including those for the SRE (nested in a list)', () => {
    const sh = tokens.filter((t): t is Tokens.Code => t.type === 'code' && t.lang === 'sh').map((b) => b.text);
    expect(sh).toContain('kubectl --context=kind-shop get pods -n shop');
    expect(sh).toContain('redis-cli -h redis.shop.svc INFO memory');
    expect(sh.at(-1)).toMatch(/^# pod-not-running\nkubectl --context=kind-shop get pods -n shop\n# postgres-connections\n/);
  });

  it('turns a note with a newline and markup into one escaped line', () => {
    const items = tokens.filter((t): t is Tokens.ListItem => t.type === 'list_item').map((i) => plain(i.tokens));
    expect(items).toContain('Note: restarts keep climbing ## fake heading <img src=x>');
  });

  it('a very long output line stays one line of the code block', () => {
    const block = tokens.find((t): t is Tokens.Code => t.type === 'code' && t.text.includes('x'.repeat(3000)));
    expect(block?.text.split('\n').find((l) => l.startsWith('xxx'))).toHaveLength(3000);
  });
});

describe('markdown helpers', () => {
  it('fences with more backticks than the content holds', () => {
    expect(fenced('a ```` b')).toMatch(/^`{5}\n/);
    expect(parse(fenced('```\nx\n```', 'text')).find((t) => t.type === 'code')).toMatchObject({ text: '```\nx\n```' });
  });

  it('inline text and code spans survive any character', () => {
    const nasty = '*a* _b_ [c](d) <e> `f` | g # h & i ~~j~~ \\k';
    const [paragraph] = new Lexer({ gfm: true }).lex(inline(nasty));
    expect(plain((paragraph as Tokens.Paragraph).tokens)).toBe(nasty);
    const [span] = new Lexer({ gfm: true }).lex(`| x |\n|---|\n| ${code('a|b`c')} |`);
    expect(plain((span as Tokens.Table).rows[0]?.[0]?.tokens)).toBe('a|b`c');
  });
});
