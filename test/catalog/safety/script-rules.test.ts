import { describe, expect, it } from 'vitest';
import { lintBody } from './catalog-fixture.js';

const script = (text: string, params = '[{name: namespace, type: namespace}, {name: database, type: string}, {name: tool, type: string}]') =>
  `params: ${params}\nscript: |\n${text.replace(/^/gm, '  ')}\neffect: read-only\nrequires: {tools: [bash]}`;

describe('SCRIPT-INJECTION: scripts read parameters only from the environment and never turn them into code', () => {
  const bad: [string, string][] = [
    ['a {{placeholder}}', 'kubectl get pods -n {{namespace}}'],
    ['eval', 'eval "kubectl get pods -n $NAMESPACE"'],
    ['sh -c with a variable', 'kubectl exec -n "$NAMESPACE" db-0 -- sh -c "psql -d $DATABASE -c \'select 1\'"'],
    ['bash -ec with a variable', 'bash -ec "echo $NAMESPACE"'],
    ['source of a process substitution', "source <(kubectl get cm boot -n \"$NAMESPACE\" -o jsonpath='{.data.sh}')"],
    ['dot of a variable', '. "$DATABASE"'],
    ['perl -e with a variable', 'perl -e "print q($NAMESPACE)"'],
    ['an awk program with a variable', 'kubectl get pods -n "$NAMESPACE" | awk "/$DATABASE/ { print }"'],
    ['a sed program with a variable', 'kubectl get pods -n "$NAMESPACE" | sed "s/^/$DATABASE: /"'],
    ['SQL built from a variable', 'psql -c "select * from pg_stat_activity where datname = \'$DATABASE\'"'],
    ['mongosh code built from a variable', 'mongosh --eval "db.getSiblingDB(\'$DATABASE\').stats()"'],
    ['a trap built from a variable', 'trap "echo $NAMESPACE" EXIT\nkubectl get pods -n "$NAMESPACE"'],
    ['a shellcheck directive switching off SC2086', '# shellcheck disable=SC2086\nkubectl get pods -n "$NAMESPACE"'],
    ['a parameter as the program', '"$TOOL" version\necho "$NAMESPACE $DATABASE"'],
    ['a parameter as the program after a pipe', 'echo "$NAMESPACE $DATABASE" | "$TOOL"'],
  ];

  it.each(bad)('given %s, reports SCRIPT-INJECTION with file:line:col', async (_name, text) => {
    const problems = await lintBody(script(text));
    expect(problems.filter((p) => p.startsWith('SCRIPT-INJECTION')), problems.join('\n')).not.toEqual([]);
  });

  const good: [string, string][] = [
    ['quoted variables as arguments', 'kubectl get pods -n "$NAMESPACE" -o name | grep -c "$DATABASE"\necho "$TOOL"'],
    ['awk -v with a single-quoted program', 'kubectl get pods -n "$NAMESPACE" | awk -v db="$DATABASE" -v t="$TOOL" \'$1 == db || $1 == t\''],
    ['sh -c with values as positional arguments', 'kubectl exec -n "$NAMESPACE" db-0 -- sh -c \'psql -d "$1" -c "select 1"\' sh "$DATABASE"\necho "$TOOL"'],
    ['psql variables', 'psql -v db="$DATABASE" -v t="$TOOL" -c "select 1" -n "$NAMESPACE"'],
    ['|| inside [[ ]]', 'if [[ "$TOOL" == a || "$TOOL" == b ]]; then echo "$NAMESPACE $DATABASE"; fi'],
    ['mongosh code in single quotes', 'DB="$DATABASE" mongosh --eval \'db.getSiblingDB(process.env.DB).stats()\'\necho "$NAMESPACE $TOOL"'],
  ];

  it.each(good)('given %s, reports nothing', async (_name, text) => {
    const problems = await lintBody(script(text));
    expect(problems.filter((p) => p.startsWith('SCRIPT-INJECTION'))).toEqual([]);
  });
});

describe('SHELLCHECK: an unquoted parameter expansion is an error (SC2086)', () => {
  it('given $NAMESPACE unquoted, reports SC2086; quoted, reports nothing', async () => {
    const unquoted = await lintBody(script('kubectl get pods -n $NAMESPACE\necho "$DATABASE $TOOL"'), { external: true });
    expect(unquoted.join('\n')).toMatch(/^SHELLCHECK SC2086 /m);
    const quoted = await lintBody(script('kubectl get pods -n "$NAMESPACE"\necho "$DATABASE $TOOL"'), { external: true });
    expect(quoted.filter((p) => p.startsWith('SHELLCHECK'))).toEqual([]);
  });
});

describe('PLACEHOLDER-IN-CODE, PARAM-ENV-RESERVED, PARAM-DEFAULT-INVALID', () => {
  it('given a placeholder inside sh -c code of a command, reports it', async () => {
    const body = 'params: [{name: namespace, type: namespace}, {name: pod, type: pod}, {name: q, type: string}]\ncommand: [kubectl, exec, -n, "{{namespace}}", "{{pod}}", --, sh, -c, "psql -c \'select {{q}}\'"]\neffect: read-only\nrequires: {tools: [kubectl]}';
    expect((await lintBody(body)).join('\n')).toMatch(/^PLACEHOLDER-IN-CODE \{\{q\}\} would be pasted into code that sh -c parses/m);
  });

  it('given a script parameter named path, reports that it would set PATH', async () => {
    expect((await lintBody(script('ls -l "$PATH"', '[{name: path, type: string}]'))).join('\n')).toMatch(/^PARAM-ENV-RESERVED parameter "path" would set the script's PATH/m);
  });

  it('given a default that is not a valid name or that would be read as an option, reports it', async () => {
    const invalid = 'params: [{name: namespace, type: namespace, default: "kube-system;touch x"}]\ncommand: [kubectl, get, pods, -n, "{{namespace}}"]\neffect: read-only\nrequires: {tools: [kubectl]}';
    expect((await lintBody(invalid)).join('\n')).toMatch(/^PARAM-DEFAULT-INVALID default of "namespace" is not a valid namespace name/m);
    const option = 'params: [{name: what, type: string, default: "--all-namespaces"}]\ncommand: [kubectl, get, "{{what}}"]\neffect: read-only\nrequires: {tools: [kubectl]}';
    expect((await lintBody(option)).join('\n')).toMatch(/^PARAM-DEFAULT-INVALID default of "what" must not start with '-'/m);
  });
});
