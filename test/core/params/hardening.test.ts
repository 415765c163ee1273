import { describe, expect, it } from 'vitest';
import type { CatalogTest } from '../../../source/core/catalog/schema.js';
import { codeElements, unsafePlaceholders } from '../../../source/core/params/argv-safety.js';
import { isProductionContext, mutationRefusal } from '../../../source/core/params/mutation-guard.js';
import { renderCommand } from '../../../source/core/params/render.js';
import { MAX_VALUE_CHARS, validateParamValue } from '../../../source/core/params/validate.js';

function makeTest(overrides: Partial<CatalogTest>): CatalogTest {
  return {
    id: 't', title: 'T', component: 'x', summary: 'summary text', explain: 'explain text long enough', symptoms: ['s'], tags: [], params: [],
    target: 'local', effect: 'read-only', requires: { tools: [], access: [] }, timeout: '10s',
    interpret: [{ when: { exitCode: 0 }, outcome: 'healthy', finding: 'ok' }], examples: [], next: [], docs: [],
    source: { file: 'x.yaml', line: 1, col: 1, path: ['tests', 0] },
    ...overrides,
  } as CatalogTest;
}

const errorsOf = (test: CatalogTest, values: Record<string, string>) => {
  const rendered = renderCommand(test, values);
  return rendered.ok ? [] : rendered.errors.map((e) => `${e.param} ${e.message}`);
};

describe('parameter values', () => {
  const text = { name: 'q', type: 'string' } as const;

  it('given bidi overrides, zero-width or separator characters, refuses them and names the code point', () => {
    for (const [value, code] of [['ok\u202eexe.txt', '202E'], ['a\u200bb', '200B'], ['a\u2066b', '2066'], ['a\u2028b', '2028'], ['\ufeffx', 'FEFF']] as const) {
      expect(validateParamValue(text, value)).toContain(`U+${code}`);
    }
    expect(validateParamValue({ name: 'n', type: 'namespace' }, 'shop\u200b')).toMatch(/invisible/);
  });

  it('given C1 control characters in free text, refuses them; tab and newline stay allowed', () => {
    expect(validateParamValue(text, 'a\u009bb')).toMatch(/control/);
    expect(validateParamValue(text, 'a\tb\nc')).toBeUndefined();
  });

  it('given a 10 KB value, accepts it as one argument; past the limit, says how long it is', () => {
    const test = makeTest({ params: [text], command: ['printf', '%s', '{{q}}'] });
    const big = 'x'.repeat(10 * 1024);
    const rendered = renderCommand(test, { q: big });
    expect(rendered.ok && rendered.command.argv).toEqual(['printf', '%s', big]);
    expect(validateParamValue(text, 'x'.repeat(MAX_VALUE_CHARS + 1))).toMatch(/characters long/);
  });

  it('given Kubernetes-typed values that are not DNS-1123 names, refuses each before anything renders', () => {
    const test = makeTest({ params: [{ name: 'namespace', type: 'namespace' }, { name: 'pod', type: 'pod' }], command: ['kubectl', 'get', 'pod', '{{pod}}', '-n', '{{namespace}}'] });
    for (const bad of ['Shop', 'shop;touch', 'shop ns', '-A', 'shop\n', 'ѕhop', 'a'.repeat(64)]) {
      expect(errorsOf(test, { namespace: bad, pod: 'api-1' }).join()).toMatch(/^namespace is not a valid namespace name/);
    }
    expect(errorsOf(test, { namespace: 'shop', pod: 'api.1-x' })).toEqual([]);
  });
});

describe('option-shaped values', () => {
  const test = makeTest({
    params: [{ name: 'a', type: 'string' }, { name: 'b', type: 'string', required: false }],
    command: ['grep', '{{a}}', '--regexp={{a}}', '{{b}}{{a}}', 'x{{a}}'],
  });

  it('given a value that would start an argument with "-", refuses it, also when two placeholders share the argument', () => {
    expect(errorsOf(test, { a: '-v' })).toContain("a must not start with '-' (it would be read as an option)");
    expect(errorsOf(test, { a: 'ok', b: '--all' }).join()).toMatch(/^b must not start with '-'/);
  });

  it('given a dash look-alike at the start, refuses it: it would look like an option on screen', () => {
    for (const lookAlike of ['\u2010\u2010all', '\u2212n', '\uff0dx', '\u2014x']) expect(errorsOf(test, { a: lookAlike }).join()).toMatch(/dash-like/);
  });

  it('given a dash inside a literal option or after literal text, keeps it as data', () => {
    const inner = makeTest({ params: [{ name: 'a', type: 'string' }], command: ['grep', '--regexp={{a}}', 'x{{a}}'] });
    const rendered = renderCommand(inner, { a: '-v' });
    expect(rendered.ok && rendered.command.argv).toEqual(['grep', '--regexp=-v', 'x-v']);
  });
});

describe('placeholders that would stop being data', () => {
  it('finds the code argument of shells, interpreters and SQL clients', () => {
    expect(codeElements(['kubectl', 'exec', 'p', '--', 'sh', '-c', 'CODE'])).toEqual([{ index: 6, language: 'sh -c' }]);
    expect(codeElements(['bash', '-o', 'pipefail', '-ec', 'CODE', 'arg0', '{{v}}'])).toEqual([{ index: 4, language: 'bash -c' }]);
    expect(codeElements(['busybox', 'sh', '-c', 'CODE'])).toEqual([{ index: 3, language: 'busybox -c' }]);
    expect(codeElements(['psql', '-h', 'db', '-c', 'SQL'])).toEqual([{ index: 4, language: 'psql -c' }]);
    expect(codeElements(['awk', '-v', 'x={{v}}', 'PROGRAM', 'file'])).toEqual([{ index: 3, language: 'awk' }]);
    expect(codeElements(['mongosh', '--eval=CODE'])).toEqual([{ index: 1, language: 'mongosh --eval' }]);
  });

  it('given a placeholder in sh -c code, in SQL, in an awk program or as the program, refuses to render whatever the value', () => {
    const cases: CatalogTest['command'][] = [
      ['kubectl', 'exec', '-n', 'x', 'p', '--', 'sh', '-c', 'echo {{v}}'],
      ['psql', '-c', "select * from t where name = '{{v}}'"],
      ['awk', '{ print "{{v}}" }', '/etc/hosts'],
      ['{{v}}', '--version'],
    ];
    for (const command of cases) {
      const test = makeTest({ params: [{ name: 'v', type: 'string' }], command });
      expect(unsafePlaceholders(command ?? []).map((u) => u.param)).toEqual(['v']);
      expect(errorsOf(test, { v: 'harmless' }).join(), JSON.stringify(command)).toMatch(/^v (would be pasted into code|chooses the program)/);
    }
  });

  it('given a value passed to sh -c as a positional argument after the code, renders it (the safe way to use a shell)', () => {
    const test = makeTest({ params: [{ name: 'v', type: 'string' }], command: ['sh', '-c', 'printf %s "$1"', 'sh', '{{v}}'] });
    expect(errorsOf(test, { v: '$(id)' })).toEqual([]);
  });

  it('given a script parameter that would set PATH, IFS, BASH_ENV or LD_PRELOAD, refuses to render', () => {
    for (const name of ['path', 'ifs', 'bash_env', 'ld_preload', 'node_options', 'hunch_run_marker']) {
      const test = makeTest({ params: [{ name, type: 'string' }], script: `echo "$${name.toUpperCase()}"`, command: undefined });
      expect(errorsOf(test, { [name]: '/tmp' }).join()).toMatch(new RegExp(`^${name} would set the script's ${name.toUpperCase()}`));
    }
    const fine = makeTest({ params: [{ name: 'user', type: 'string' }], script: 'echo "$USER"', command: undefined });
    expect(errorsOf(fine, { user: 'postgres' })).toEqual([]);
  });

  it('given a malicious catalogue default, validates it like a typed value', () => {
    const test = makeTest({ params: [{ name: 'namespace', type: 'namespace', default: 'x;touch /tmp/CANARY' }], command: ['kubectl', 'get', 'pods', '-n', '{{namespace}}'] });
    expect(errorsOf(test, {}).join()).toMatch(/^namespace is not a valid namespace name/);
    const dash = makeTest({ params: [{ name: 'q', type: 'string', default: '--all-namespaces' }], command: ['kubectl', 'get', '{{q}}'] });
    expect(errorsOf(dash, {}).join()).toMatch(/^q must not start with '-'/);
  });
});

describe('the mutating guard', () => {
  const mutating = { id: 'deployment-restart', effect: 'mutating' as const };
  const readOnly = { id: 'pod-logs', effect: 'read-only' as const };
  const open = { readOnly: false, production: false, allowMutating: false, context: 'dev' };

  it('refuses a mutating test under --read-only, even with --allow-mutating', () => {
    expect(mutationRefusal(mutating, { ...open, readOnly: true, allowMutating: true })).toMatch(/read-only/);
  });

  it('refuses a mutating test on a production context unless --allow-mutating is given', () => {
    expect(mutationRefusal(mutating, { ...open, production: true, context: 'prod-eu' })).toMatch(/context "prod-eu" is production.*--allow-mutating/);
    expect(mutationRefusal(mutating, { ...open, production: true, allowMutating: true })).toBeUndefined();
    expect(mutationRefusal(mutating, open)).toBeUndefined();
  });

  it('never refuses a read-only test', () => {
    expect(mutationRefusal(readOnly, { readOnly: true, production: true, allowMutating: false })).toBeUndefined();
  });

  it('matches production context names by the settings pattern, and counts every context as production when the pattern is broken', () => {
    const pattern = '(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)';
    expect(['prod-eu', 'gke_shop_europe-west1_PROD', 'live'].every((c) => isProductionContext(pattern, c))).toBe(true);
    expect(['product-dev', 'staging', undefined].some((c) => isProductionContext(pattern, c))).toBe(false);
    expect(isProductionContext('(', 'dev')).toBe(true);
  });
});
