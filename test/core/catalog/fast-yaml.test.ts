import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findBlockSequence } from '../../../source/core/catalog/block-sequence.js';
import { parseSequenceFile, parseYamlFast, streamSequenceFile } from '../../../source/core/catalog/fast-yaml.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';

/** What the plain parse says of a text: its value, or its problem. */
function plain(text: string) {
  const result = parseYamlFast('f.yaml', text);
  return 'problem' in result ? { problem: result.problem } : { value: result.value };
}

/** What the item-by-item parse says, in the same shape. */
function pieces(text: string, key = 'tests') {
  const result = parseSequenceFile('f.yaml', Buffer.from(text), key);
  return 'problem' in result ? { problem: result.problem } : { value: result.value };
}

function chunked(text: string, key = 'tests'): boolean {
  const result = parseSequenceFile('f.yaml', Buffer.from(text), key);
  return !('problem' in result) && result.chunked;
}

describe('findBlockSequence', () => {
  it('finds each item with its line, its content column and its bytes', () => {
    const text = 'component: x\ntests:\n  # first\n  - id: a\n    title: A\n\n  - id: b\nafter: 1\n';
    const found = findBlockSequence(Buffer.from(text), 'tests');
    expect(found?.items.map((i) => [i.line, i.col])).toEqual([[4, 5], [7, 5]]);
    expect(found?.items.map((i) => text.slice(i.start, i.end))).toEqual(['  - id: a\n    title: A\n\n', '  - id: b\n']);
    expect(text.slice(found?.end)).toBe('after: 1\n');
  });

  it('counts bytes, not characters, after multi-byte text', () => {
    const text = 'component: x # café ✓\ntests:\n- id: a\n  title: naïve\n- id: b\n';
    const bytes = Buffer.from(text);
    const found = findBlockSequence(bytes, 'tests');
    expect(found?.items.map((i) => bytes.toString('utf8', i.start, i.end))).toEqual(['- id: a\n  title: naïve\n', '- id: b\n']);
  });

  it.each([
    ['a flow sequence', 'tests: [a, b]\n'],
    ['no items', 'tests:\n'],
    ['carriage returns', 'tests:\r\n  - a\r\n'],
    ['a tab in the indentation of an item', 'tests:\n\t- a\n'],
    ['a line indented less than the items', 'tests:\n  - a\n b: 1\n'],
    ['a key at the items\u2019 indentation', 'tests:\n  - a\n  b: 1\n'],
    ['no such key', 'other:\n  - a\n'],
  ])('leaves the file to the plain parse given %s', (_, text) => {
    expect(findBlockSequence(Buffer.from(text), 'tests')).toBeUndefined();
  });

  it('treats a tab inside an item\u2019s block scalar as content', () => {
    const found = findBlockSequence(Buffer.from('tests:\n  - text: |\n      a\n      \tb\n  - x\n'), 'tests');
    expect(found?.items).toHaveLength(2);
  });
});

describe('parseSequenceFile', () => {
  it('gives exactly the plain parse for every file of the shipped catalogue', () => {
    const dir = builtinCatalogDir();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const key = name === 'components.yaml' ? 'components' : name === 'hypotheses.yaml' ? 'hypotheses' : 'tests';
      expect(pieces(text, key), name).toEqual(plain(text));
    }
  });

  it('parses item by item when it can, and the whole file when an alias may point at an anchor', () => {
    const prose = 'component: x\ntests:\n  - id: a\n    script: a && b 2>&1\n    out: "** server can\'t find *.svc"\n  - id: b\n';
    expect(chunked(prose)).toBe(true);
    expect(pieces(prose)).toEqual(plain(prose));
    const own = 'component: x\ntests:\n  - id: a\n    params: &p [1, 2]\n    again: *p\n  - id: b\n';
    expect(chunked(own)).toBe(false);
    expect(pieces(own)).toEqual(plain(own));
    const across = 'component: x\ntests:\n  - id: a\n    params: &p [1, 2]\n  - id: b\n    params: *p\n';
    expect(chunked(across)).toBe(false);
    expect(pieces(across)).toEqual(plain(across));
    const merged = 'base: &b {x: 1}\ntests:\n  - <<: *b\n    id: a\n';
    expect(chunked(merged)).toBe(false);
    expect(pieces(merged)).toEqual(plain(merged));
  });

  it.each([
    ['a syntax error inside an item', 'component: x\ntests:\n  - id: a\n    title: "open\n  - id: b\n'],
    ['a duplicate key inside an item', 'component: x\ntests:\n  - id: a\n    id: b\n'],
    ['the key given twice', 'tests:\n  - a\ntests:\n  - b\n'],
    ['a document marker after the items', 'tests:\n  - a\n---\nx: 1\n'],
    ['a directive', '%YAML 1.2\n---\ntests:\n  - a\n'],
    ['document markers between items at column 0', 'tests:\n- a\n---\n- b\n...\n- c\n'],
    ['a directive-like line between items', 'tests:\n  - a\n%TAG x\n  - b\n'],
    ['marker-like lines inside an item\u2019s block scalar', 'tests:\n  - text: |\n      ---\n      ...\n      %YAML 1.2\n  - b\n'],
    ['a multi-line quoted string that looks like an item', 'tests:\n  - "a\n  - b"\n  - c\n'],
    ['a plain scalar continued at the items\u2019 indentation', 'tests:\n  - a\n    b\n  - c\n'],
    ['block scalars whose lines look like items', 'tests:\n  - text: |\n      - not an item\n    more: >\n      - nor this\n  - id: b\n'],
    ['comments and blank lines between items', 'tests:\n\n  # one\n  - a # trailing\n\n# at column 0\n  - b\n'],
    ['items at column 0 and keys after them', 'tests:\n- id: a\n- id: b\nafter: [1]\n'],
    ['an empty item', 'tests:\n  -\n  - b\n'],
    ['a byte order mark', '\ufeffcomponent: x\ntests:\n  - a\n'],
  ])('agrees with the plain parse given %s', (_, text) => {
    expect(pieces(text)).toEqual(plain(text));
  });

  it('streams items so that a YAML error costs only its own item, placed at its line in the file', () => {
    const text = 'component: x\ntests:\n  - id: a\n  - id: b\n    title: "open\n  - id: c\n';
    const stream = streamSequenceFile('f.yaml', Buffer.from(text), 'tests');
    expect(stream?.head).toEqual({ component: 'x', tests: [] });
    const items = stream?.items.map((_, i) => stream.item(i));
    expect(items?.[0]).toEqual({ value: { id: 'a' } });
    expect(items?.[1]).toMatchObject({ problem: { file: 'f.yaml', line: 6, rule: 'YAML' } });
    expect(items?.[2]).toEqual({ value: { id: 'c' } });
    expect(plain(text)).toHaveProperty('problem');
  });

  // Catalogue-like documents written by both YAML libraries in several styles: cutting them into
  // items must never change what they mean.
  const scalar = fc.oneof(
    fc.string(),
    fc.constantFrom('- x', '  - y', 'a: b', '#c', '"q"', "'s'", '|', '>', '*a', '&b', 'true', '0x1F', '2026-11-28', 'null', '~', 'a\nb', '\n- z\n', 'é ✓'),
    fc.integer(),
    fc.boolean(),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'a', 'b-c', 'text', 'x y'), tie('node'), { maxKeys: 3 })),
  })).node;
  const catalogue = fc.record({ component: fc.string(), tests: fc.array(value, { minLength: 1, maxLength: 5 }), after: fc.option(value, { nil: undefined }) });

  it('agrees with the plain parse on generated catalogues', () => {
    fc.assert(
      fc.property(catalogue, fc.constantFrom('yaml', 'yaml-flow', 'js-yaml', 'js-yaml-0'), (doc, style) => {
        const clean = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
        const text =
          style === 'yaml'
            ? stringify(clean, { aliasDuplicateObjects: false })
            : style === 'yaml-flow'
              ? stringify(clean, { aliasDuplicateObjects: false, collectionStyle: 'flow', lineWidth: 20 })
              : jsYaml.dump(clean, { noArrayIndent: style === 'js-yaml-0', lineWidth: 30 });
        expect(pieces(text)).toEqual(plain(text));
      }),
      { numRuns: 400 },
    );
  });
});
