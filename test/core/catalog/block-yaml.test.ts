import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findBlockSequence } from '../../../source/core/catalog/block-sequence.js';
import { readBlockYaml } from '../../../source/core/catalog/block-yaml.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';

/** js-yaml's verdict on a text: its value, or that it throws. */
function reference(text: string): { value: unknown } | 'error' {
  try {
    return { value: jsYaml.load(text) };
  } catch {
    return 'error';
  }
}

/** Whether our reader either gives up or says exactly what js-yaml says. */
function agrees(text: string): boolean {
  const ours = readBlockYaml(text);
  if (ours === undefined) return true;
  const theirs = reference(text);
  return theirs !== 'error' && isDeepStrictEqual(ours.value, theirs.value);
}

function shippedTexts(): { name: string; text: string; items: string[] }[] {
  const dir = builtinCatalogDir();
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      const sequence = findBlockSequence(bytes, name === 'components.yaml' ? 'components' : name === 'hypotheses.yaml' ? 'hypotheses' : 'tests');
      return { name, text: bytes.toString('utf8'), items: (sequence?.items ?? []).map((i) => bytes.toString('utf8', i.start, i.end)) };
    });
}

describe('readBlockYaml', () => {
  it('reads the shipped catalogue exactly as js-yaml does, and reads every item itself but those with anchors or aliases', () => {
    const leftOver: string[] = [];
    for (const { name, text, items } of shippedTexts()) {
      for (const piece of [text, ...items]) {
        const ours = readBlockYaml(piece);
        if (ours) expect(ours.value, name).toStrictEqual(jsYaml.load(piece));
        else if (piece !== text && !/(?:^|\s)[&*][a-z]/m.test(piece)) leftOver.push(`${name}: ${piece.split('\n')[0]}`);
      }
    }
    expect(leftOver).toEqual([]);
  });

  it.each([
    ['literal, clipped', 'a: |\n  one\n    two\n\n  three\n\n\nb: 1\n'],
    ['literal, stripped', 'a: |-\n  one\n  two\n\n'],
    ['literal, kept', 'a: |+\n  one\n\n\nb: 1\n'],
    ['literal, kept at the end', 'a: |+\n  one\n\n'],
    ['literal with an indentation digit', 'a: |2\n    indented\n  not\n'],
    ['literal with digit and chomping', 'a:\n  - |2-\n     x\n    y\n  - >+1\n    z\n'],
    ['literal with leading empty lines', 'a: |\n\n\n  x\n'],
    ['literal that is empty', 'a: |\nb: >-\nc: |+\n\n'],
    ['literal with a comment in its header and # in its text', 'a: | # note\n  # not a comment\n  x # nor this\n'],
    ['folded', 'a: >\n  one\n  two\n\n  three\n'],
    ['folded with more-indented lines', 'a: >-\n  one\n    code\n    more\n  two\n\n    after empty\n  end\n'],
    ['folded starting more indented', 'a: >2\n    start\n  next\n'],
    ['plain over several lines', 'a: one\n  two\n\n  three\n    four\nb: x\n'],
    ['plain with a comment', 'a: one # note\nb: two#not-a-comment\n'],
    ['plain that looks typed', 'a: 1\nb: -2.5\nc: 0x1F\nd: true\ne: null\nf: ~\ng: 2026-11-28\nh: .inf\ni: 1e3\nj: 0o17\nk: +1\nl: 1_000\n'],
    ['plain that only starts like a number', 'a: 1.2.3\nb: 20s\nc: -o\nd: .hidden\ne: 2>&1\n'],
    ['plain continued with indicators', 'a: one\n  [two] {three} "four" \'five\' -six *seven &eight !nine |ten >eleven %twelve @x `y\n'],
    ['plain with colons and hashes inside', 'a: http://x:80/p#frag\nb: a:b\n'],
    ['double quoted with escapes', 'a: "tab\\tnl\\nq\\"bs\\\\sl\\/x\\x41u\\u00e9U\\U0001F600z\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ "\n'],
    ['double quoted over lines', 'a: "one  \n  two\n\n  three \\\n    four"\nb: 1\n'],
    ['single quoted', "a: 'it''s'\nb: 'one\n  two\n\n  three'\nc: '\\n stays'\n"],
    ['quoted, then a comment', 'a: "x" # c\nb: \'y\'   # d\n'],
    ['flow collections', "a: [1, two, 'three', \"f\\\"our\", {x: y, z: [1, 2]}, []]\nb: {}\nc: { k: v , l: 'it''s' }\n"],
    ['block sequences in every position', 'a:\n- x\n- y\nb:\n  - - 1\n    - - 2\n  -\n  - # c\n    z\n  - k: v\n    l: w\n'],
    ['nested mappings', 'a:\n  b:\n    c: 1\n  d: 2\ne: 3\n'],
    ['empty values', 'a:\nb: # comment\nc:\n\nd: 1\n'],
    ['scalars on lines of their own', 'a:\n  text\n  more\nb:\n  "quoted"\nc:\n  [1, 2]\n'],
    ['a lone scalar', 'just text\nmore\n'],
    ['a block scalar with lines of spaces', 'a: |\n  x\n     \n  y\nb: >\n  x\n     \n  y\n'],
    ['comments and blank lines everywhere', '# top\n\na: 1 # x\n  # indented comment\n\n# another\nb:\n  # before\n  - 1\n\n  # between\n  - 2\n'],
    ['keys of every allowed shape', 'a_b: 1\n$schema: 2\nc-d: 3\nD9: 4\n'],
    ['a top-level sequence', '- a\n- b: c\n  d: e\n'],
    ['unicode text', 'a: café ✓ naïve\nb: "é"\n'],
  ])('agrees with js-yaml on %s', (_, text) => {
    const ours = readBlockYaml(text);
    expect(ours, 'read by our reader, not left to js-yaml').toBeDefined();
    expect(ours?.value).toStrictEqual(jsYaml.load(text));
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', '<<: {a: 1}\n'],
    ['a quoted key', '"a": 1\n'],
    ['a dotted key', 'app.kubernetes.io/name: x\n'],
    ['a numeric key', '200: ok\n'],
    ['a boolean-looking key', 'True: 1\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\n\t- 1\n'],
    ['carriage returns', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a document marker', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a flow collection over lines', 'a: [1,\n  2]\n'],
    ['an unclosed quote', 'a: "x\n'],
    ['a mapping value on the line of its key', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['an empty text', ''],
    ['a control character', 'a: "\u0007"\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });

  // Catalogue-like documents written by both YAML libraries in several styles and widths, so
  // that long strings come out folded, quoted, or as block scalars.
  const scalar = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', ':', '#', '-', '"', "'", '\\', '|', '>', '{', '}', '[', ']', ',', '*', '&', '!', 'é', '  '), maxLength: 60 }),
    fc.constantFrom('- x', '  - y', 'a: b', '#c', '"q"', "'s'", '|', '>', 'true', '0x1F', '2026-11-28', 'null', '~', 'a\nb', '\n- z\n', 'é ✓', ' lead', 'trail ', 'x\n\n  y\n', '\n\nz', 'line\n'),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('id', 'a', 'b-c', 'text', 'x y', '1', 'true'), tie('node'), { maxKeys: 4 })),
  })).node;
  const catalogue = fc.record({ component: fc.string(), tests: fc.array(value, { minLength: 1, maxLength: 5 }), after: fc.option(value, { nil: undefined }) });

  const styles = fc.constantFrom('yaml', 'yaml-narrow', 'yaml-flow', 'js-yaml', 'js-yaml-0', 'js-yaml-narrow');
  function write(doc: unknown, style: string): string {
    const clean = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    if (style === 'yaml') return stringify(clean, { aliasDuplicateObjects: false });
    if (style === 'yaml-narrow') return stringify(clean, { aliasDuplicateObjects: false, lineWidth: 24, minContentWidth: 8 });
    if (style === 'yaml-flow') return stringify(clean, { aliasDuplicateObjects: false, collectionStyle: 'flow', lineWidth: 20 });
    return jsYaml.dump(clean, { noArrayIndent: style === 'js-yaml-0', lineWidth: style === 'js-yaml-narrow' ? 20 : 80 });
  }

  it('gives js-yaml\u2019s value, or gives up, on generated documents full of YAML\u2019s special characters', () => {
    fc.assert(
      fc.property(catalogue, styles, (doc, style) => {
        const text = write(doc, style);
        expect(agrees(text), text).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  // What catalogue authors write: prose, commands, regexes and outputs, with catalogue keys.
  const prose = fc.string({ unit: fc.constantFrom(...'abcdefghij  ABC0123456789.,;:()/_=-\'"{}[]$*|>#%@!?&~`\\\n\t'.split('')), maxLength: 120 });
  const tame = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, prose, fc.integer(), fc.boolean(), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('id', 'title', 'when', 'exitCode', 'stdout', 'args'), tie('node'), { maxKeys: 4 })),
  })).node;

  it('reads most generated catalogue-like documents itself, exactly as js-yaml does', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.record({ component: prose, tests: fc.array(tame, { minLength: 1, maxLength: 5 }) }), styles, (doc, style) => {
        const text = write(doc, style);
        runs++;
        const ours = readBlockYaml(text);
        if (ours) answered++;
        expect(agrees(text), text).toBe(true);
      }),
      { numRuns: 1500 },
    );
    // The reader must actually read most of what YAML writers produce, not give up on it.
    expect(answered / runs).toBeGreaterThan(0.8);
  });

  it('never answers where js-yaml fails or disagrees, on catalogue items damaged at random', () => {
    const items = shippedTexts().flatMap((f) => f.items).filter((item) => readBlockYaml(item) !== undefined);
    const damage = fc.record({
      item: fc.nat({ max: items.length - 1 }),
      edits: fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          kind: fc.constantFrom('delete', 'insert', 'indent', 'dedent', 'duplicate-line'),
          char: fc.constantFrom(' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '|', '>', '[', ']', '{', '}', ',', '&a ', '*a', '!', '\\', 'x', '0', '?', '%', '@', '`', '\t'),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(damage, ({ item, edits }) => {
        let text = items[item] as string;
        for (const edit of edits) {
          const at = Math.floor(edit.at * text.length);
          const lineStart = text.lastIndexOf('\n', at - 1) + 1;
          const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
          if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
          else if (edit.kind === 'insert') text = text.slice(0, at) + edit.char + text.slice(at);
          else if (edit.kind === 'indent') text = `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
          else if (edit.kind === 'dedent') text = text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
          else text = text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
        }
        expect(agrees(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
