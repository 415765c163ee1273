import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileFastCheck, FAIL, type FastCheck } from '../../../source/core/catalog/fast-validate.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { testSchema } from '../../../source/core/catalog/schema.js';

/** Every shipped test as the YAML gives it, before the schema. */
const shipped: unknown[] = readdirSync(builtinCatalogDir())
  .filter((name) => name.endsWith('.yaml') && !['components.yaml', 'hypotheses.yaml'].includes(name))
  .flatMap((name) => (jsYaml.load(readFileSync(join(builtinCatalogDir(), name), 'utf8')) as { tests: unknown[] }).tests);

const fast = compileFastCheck(testSchema) as FastCheck;

/**
 * The fast path and zod agree: both accept with the same value, keys in the same order (tests.jsonl
 * is written from it), or both refuse.
 */
function expectAgreement(schema: z.ZodType, check: FastCheck, value: unknown): 'valid' | 'invalid' {
  const zod = schema.safeParse(value);
  const out = check(value);
  if (!zod.success) {
    expect(out, `zod refuses ${JSON.stringify(value).slice(0, 300)}`).toBe(FAIL);
    return 'invalid';
  }
  expect(out, `zod accepts ${JSON.stringify(value).slice(0, 300)}`).not.toBe(FAIL);
  expect(JSON.stringify(out)).toBe(JSON.stringify(zod.data));
  expect(out).toEqual(zod.data);
  return 'valid';
}

/** Every path to a value inside `root`, the root's own ([]) included. */
function pathsOf(root: unknown, at: (string | number)[] = []): (string | number)[][] {
  const paths = [at];
  if (Array.isArray(root)) root.forEach((item, i) => paths.push(...pathsOf(item, [...at, i])));
  else if (root !== null && typeof root === 'object') for (const [key, item] of Object.entries(root)) paths.push(...pathsOf(item, [...at, key]));
  return paths;
}

type Mutation = { kind: 'delete' | 'set' | 'add-key'; pick: number; value: unknown; key: string };

/** A copy of `test` with one thing changed at the picked path. */
function mutate(test: unknown, m: Mutation): unknown {
  const copy = structuredClone(test);
  const paths = pathsOf(copy);
  const path = paths[m.pick % paths.length] as (string | number)[];
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = path[path.length - 1] as string | number;
  const holder = parent as Record<string | number, unknown>;
  const target = holder[last];
  if (m.kind === 'delete') {
    if (Array.isArray(holder)) holder.splice(last as number, 1);
    else delete holder[last];
  } else if (m.kind === 'set') {
    holder[last] = m.value;
  } else if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    (target as Record<string, unknown>)[m.key] = m.value;
  }
  return copy;
}

/** Values that catalogue YAML can hold, biased to the edges the schema draws. */
const yamlValue = fc.oneof(
  fc.constantFrom('', 'x', 'ok', 'read-only', 'mutating', 'healthy', 'anomaly', 'local', 'pod', '30s', '5 minutes', 'Not-Kebab', 'a-b-c', 'https://example.com/docs', 'not a url', 'namespace', 'get', 'stdout'),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, -1, 1e21, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

describe('the fast validation path', () => {
  it('compiles the test schema', () => {
    expect(typeof fast).toBe('function');
  });

  it('gives exactly zod’s value, keys in order, for every shipped test', () => {
    expect(shipped.length).toBeGreaterThan(400);
    for (const test of shipped) expect(expectAgreement(testSchema, fast, test)).toBe('valid');
  });

  it('agrees with zod on shipped tests with one thing deleted, replaced or added, anywhere', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(
        fc.nat(shipped.length - 1),
        fc.record({ kind: fc.constantFrom('delete', 'set', 'add-key'), pick: fc.nat(), value: yamlValue, key: fc.constantFrom('extra', 'when', 'args', 'title', 'not') }),
        (index, mutation) => {
          seen[expectAgreement(testSchema, fast, mutate(shipped[index], mutation as Mutation))]++;
        },
      ),
      { numRuns: 4000, seed: 20261129 },
    );
    // Both sides of the line are really exercised.
    expect(seen.valid).toBeGreaterThan(300);
    expect(seen.invalid).toBeGreaterThan(1000);
  });

  it('keeps zod’s rules for optional, defaulted and required keys, unions, checks and refinements', () => {
    const schema = z
      .strictObject({
        name: z.string().min(2).regex(/^[a-z]+$/),
        count: z.number().int().min(0).optional(),
        tags: z.array(z.string().min(1)).min(1).default(['none']),
        mode: z.enum(['on', 'off']),
        either: z.union([z.string(), z.strictObject({ when: z.string(), args: z.array(z.string()).min(1) })]).optional(),
        link: z.url().optional(),
        flag: z.boolean().default(false),
      })
      .refine((v) => v.name !== 'forbidden', { message: 'no' });
    const check = compileFastCheck(schema) as FastCheck;
    const cases: unknown[] = [
      { name: 'ab', mode: 'on' },
      { name: 'ab', mode: 'on', count: 0, tags: ['x'], either: 'plain', link: 'https://example.com', flag: true },
      { mode: 'on', name: 'ab', either: { when: 'w', args: ['a'] } },
      { name: 'ab', mode: 'on', either: { when: 'w', args: [] } },
      { name: 'ab', mode: 'on', either: { when: 'w', args: ['a'], extra: 1 } },
      { name: 'forbidden', mode: 'on' },
      { name: 'a', mode: 'on' },
      { name: 'AB', mode: 'on' },
      { name: 'ab', mode: 'maybe' },
      { name: 'ab' },
      { name: 'ab', mode: 'on', count: 1.5 },
      { name: 'ab', mode: 'on', count: -1 },
      { name: 'ab', mode: 'on', count: Number.NaN },
      { name: 'ab', mode: 'on', count: Number.POSITIVE_INFINITY },
      { name: 'ab', mode: 'on', count: undefined },
      { name: 'ab', mode: 'on', tags: [] },
      { name: 'ab', mode: 'on', tags: undefined },
      { name: 'ab', mode: 'on', link: 'not a url' },
      { name: 'ab', mode: 'on', unknown: true },
      { name: 'ab', mode: 'on', flag: 'yes' },
      [],
      null,
      'ab',
    ];
    const verdicts = cases.map((value) => expectAgreement(schema, check, value));
    expect(verdicts.filter((v) => v === 'valid')).toHaveLength(5);
  });

  it('declines schemas with parts it does not know, leaving them to zod', () => {
    const unsupported = [
      z.strictObject({ name: z.string().transform((s) => s.length) }),
      z.strictObject({ name: z.string().trim() }),
      z.strictObject({ count: z.coerce.number() }),
      z.strictObject({ map: z.record(z.string(), z.string()) }),
      z.object({ loose: z.string() }),
      z.strictObject({ maybe: z.string().nullable() }),
    ];
    for (const schema of unsupported) expect(compileFastCheck(schema)).toBeUndefined();
  });
});
