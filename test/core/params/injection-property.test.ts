import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { sampleFor } from '../../../source/core/catalog/lint/sample-values.js';
import type { CatalogTest, CommandPart } from '../../../source/core/catalog/schema.js';
import { paramsFor, renderCommand } from '../../../source/core/params/render.js';
import { hostileValue } from '../../helpers/hostile-values.js';

const catalog = loadCatalog([builtinCatalogDir()]);
const RUNS_PER_TEST = 40;
let casesRun = 0;
let accepted = 0;

/** Fills `{{name}}` in one pass (a value holding `{{other}}` stays literal), written apart from the renderer so the two can disagree. */
function fillOnce(element: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = element.indexOf('{{', at);
    if (open === -1) return out + element.slice(at);
    const close = element.indexOf('}}', open);
    if (close === -1) return out + element.slice(at);
    const name = element.slice(open + 2, close).trim();
    if (!/^[a-z][a-z0-9_]*$/.test(name)) {
      // Not a placeholder (a Go template's {{.metadata.name}}): literal text.
      out += element.slice(at, open + 2);
      at = open + 2;
      continue;
    }
    out += element.slice(at, open) + (values[name] ?? '');
    at = close + 2;
  }
}

/** The argv the catalogue's shape says a test must run with these values. */
function expectedArgv(test: CatalogTest, values: Readonly<Record<string, string>>): string[] {
  const inner = test.script !== undefined
    ? [test.target === 'pod' ? 'sh' : 'bash', '-c', test.script]
    : (test.command as CommandPart[]).flatMap((part) => (typeof part === 'string' ? [fillOnce(part, values)] : values[part.when] ? part.args.map((a) => fillOnce(a, values)) : []));
  if (test.target !== 'pod') return inner;
  const env = test.script !== undefined ? ['env', ...test.params.map((p) => `${p.name.toUpperCase()}=${values[p.name] ?? ''}`), 'CONTEXT='] : [];
  return ['kubectl', 'exec', '-n', values.namespace ?? '', values.pod ?? '', ...(values.container ? ['-c', values.container] : []), '--', ...env, ...inner];
}

/** Template elements in the order they render, with whether a value would start them. */
function templateElements(test: CatalogTest, values: Readonly<Record<string, string>>): string[] {
  return (test.command ?? []).flatMap((part) => (typeof part === 'string' ? [part] : values[part.when] ? part.args : []));
}

const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u0000]/u;

describe('rendering every catalogue test with hostile values', () => {
  afterAll(() => {
    console.info(`injection property: ${casesRun} cases over ${catalog.tests.length} catalogue tests (${accepted} rendered, ${casesRun - accepted} refused)`);
  });

  it('loads the whole catalogue', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.tests.length).toBeGreaterThan(300);
  });

  it.each(catalog.tests.map((t) => [t.id, t] as const))('%s: a value is refused or stays data in the argument the catalogue gave it', (_id, test) => {
    const specs = paramsFor(test);
    const valueFor = (name: string) => fc.oneof(hostileValue('/tmp/hunch-CANARY'), fc.constant(sampleFor(specs.find((s) => s.name === name) ?? { name, type: 'string' })));
    const record = fc.record(Object.fromEntries(specs.map((s) => [s.name, valueFor(s.name)])) as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] });
    fc.assert(
      fc.property(record, (given) => {
        casesRun++;
        const rendered = renderCommand(test, given as Record<string, string>);
        if (!rendered.ok) {
          expect(rendered.errors.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const { argv, env, values } = rendered.command;
        // Every value is what was given, or the catalogue's default, never something rewritten.
        for (const spec of specs) {
          if (values[spec.name] === undefined) continue;
          expect([given[spec.name], spec.default === undefined ? undefined : String(spec.default)]).toContain(values[spec.name]);
          expect(values[spec.name]).not.toMatch(INVISIBLE);
        }
        // The argv has exactly the catalogue's shape: same length, literal elements untouched.
        expect(argv).toEqual(expectedArgv(test, values));
        // No value turns an argument into an option.
        const elements = templateElements(test, values);
        const offset = test.target === 'pod' ? argv.indexOf('--') + 1 : 0;
        elements.forEach((template, i) => {
          if (template.startsWith('{{')) expect(argv[offset + i]).not.toMatch(/^[-\p{Pd}\u2212\uFE63\uFF0D]/u);
        });
        // Scripts get values only through the environment, verbatim; the script text never changes.
        if (test.script !== undefined && test.target === 'local') {
          for (const spec of test.params) expect(env[spec.name.toUpperCase()]).toBe(values[spec.name] ?? '');
        }
      }),
      { numRuns: RUNS_PER_TEST },
    );
  });
});
