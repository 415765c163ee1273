/**
 * The checks of `hunch doctor`, as pure functions of facts gathered elsewhere (facts.ts), so each
 * verdict and its advice can be tested without a cluster, a PATH or a kubeconfig.
 */

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of the doctor's report, with what to do when it is not ok. */
export type DoctorCheck = { id: string; title: string; status: CheckStatus; detail: string; fix?: string | undefined };

const MINIMUM_NODE = [20, 18] as const;

/** hunch runs on Node 20.18 or newer. */
export function checkNode(version: string): DoctorCheck {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const ok = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
  return ok
    ? { id: 'node', title: 'Node.js', status: 'ok', detail: version }
    : { id: 'node', title: 'Node.js', status: 'fail', detail: `${version} is older than ${MINIMUM_NODE.join('.')}`, fix: `install Node.js ${MINIMUM_NODE.join('.')} or newer (https://nodejs.org)` };
}

export type ToolFacts = {
  /** Each tool the catalogue's tests need, with how many tests need it. */
  needed: ReadonlyMap<string, number>;
  isInstalled: (tool: string) => boolean;
  /** `kubectl version --client` when kubectl is there. */
  kubectlVersion?: string | undefined;
};

/** kubectl is required for every cluster test; other tools only for the tests that name them. */
export function checkKubectl(facts: ToolFacts): DoctorCheck {
  const tests = facts.needed.get('kubectl') ?? 0;
  if (facts.isInstalled('kubectl')) return { id: 'kubectl', title: 'kubectl', status: 'ok', detail: facts.kubectlVersion ? `client ${facts.kubectlVersion}` : 'on PATH' };
  return { id: 'kubectl', title: 'kubectl', status: 'fail', detail: `not on PATH; ${tests} tests need it`, fix: 'install kubectl (https://kubernetes.io/docs/tasks/tools/) and make sure it is on PATH' };
}

export function checkOtherTools(facts: ToolFacts): DoctorCheck {
  const missing = [...facts.needed].filter(([tool]) => tool !== 'kubectl' && !facts.isInstalled(tool)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = facts.needed.size - (facts.needed.has('kubectl') ? 1 : 0);
  if (missing.length === 0) return { id: 'tools', title: 'other tools', status: 'ok', detail: `all ${total} tools the catalogue names are installed` };
  const list = missing.map(([tool, count]) => `${tool} (${count} test${count === 1 ? '' : 's'})`).join(', ');
  return {
    id: 'tools',
    title: 'other tools',
    status: 'warn',
    detail: `${missing.length} of ${total} missing: ${list}`,
    fix: `install the ones you need; the tests that use a missing tool stay listed and say so (e.g. ${missing[0]?.[0]})`,
  };
}

export type KubeconfigFacts = {
  files: readonly string[];
  hasKubeconfig: boolean;
  /** A file that exists but does not parse, as file:line:col and the reason. */
  problem?: string | undefined;
  context?: string | undefined;
  namespace: string;
};

export function checkKubeconfig(facts: KubeconfigFacts): DoctorCheck {
  const title = 'kubeconfig';
  if (facts.problem) return { id: 'kubeconfig', title, status: 'fail', detail: facts.problem, fix: 'fix the file (kubectl config view shows what kubectl makes of it), or point KUBECONFIG or --kubeconfig at a good one' };
  if (!facts.hasKubeconfig) {
    return { id: 'kubeconfig', title, status: 'fail', detail: `none found (looked at ${facts.files.join(', ')}): cluster tests cannot run`, fix: 'set KUBECONFIG or --kubeconfig, or try hunch practice for a local practice cluster' };
  }
  if (!facts.context) return { id: 'kubeconfig', title, status: 'fail', detail: `${facts.files.join(', ')} has no current context`, fix: 'pick one: kubectl config use-context NAME, or pass --context NAME' };
  return { id: 'kubeconfig', title, status: 'ok', detail: `context ${facts.context}, namespace ${facts.namespace} (${facts.files.join(', ')})` };
}

/** What `kubectl version` said: the server's version, or why it could not be asked. */
export type ReachabilityFacts = { serverVersion?: string | undefined; error?: string | undefined; timedOut?: boolean };

export function checkReachability(facts: ReachabilityFacts | undefined, context: string | undefined): DoctorCheck {
  const title = 'cluster reachable';
  if (!facts) return { id: 'reachable', title, status: 'skip', detail: 'not checked (no kubectl or no kubeconfig)' };
  if (facts.serverVersion) return { id: 'reachable', title, status: 'ok', detail: `API server ${facts.serverVersion}${context ? ` (context ${context})` : ''}` };
  const error = facts.error ?? 'no answer';
  return { id: 'reachable', title, status: 'fail', detail: error, fix: reachabilityAdvice(error, facts.timedOut ?? false) };
}

/** What to do about an error from the API server, most specific cause first. */
function reachabilityAdvice(error: string, timedOut: boolean): string {
  if (/context .* (does not exist|not found)/i.test(error)) return 'the context is not in the kubeconfig: kubectl config get-contexts lists them';
  if (/certificate|x509/i.test(error)) return 'the server certificate is not trusted: check certificate-authority-data in the kubeconfig';
  if (/unauthorized|credentials|forbidden/i.test(error)) return 'the server refuses the credentials: log in again (refresh the token or the cloud CLI login)';
  if (timedOut || /timeout|deadline exceeded/i.test(error)) return 'the API server does not answer in time: check the VPN, a bastion or proxy, and the server address in the kubeconfig';
  if (/refused|no such host|dial tcp|unreachable/i.test(error)) return 'nothing answers at the server address: check the VPN or network, and the server address in the kubeconfig (kubectl config view --minify)';
  return 'run kubectl version to see what kubectl says';

}

/** What `kubectl auth whoami` said. */
export type IdentityFacts = { username?: string | undefined; groups?: readonly string[]; error?: string | undefined };

export function checkIdentity(facts: IdentityFacts | undefined): DoctorCheck {
  const title = 'identity';
  if (!facts) return { id: 'identity', title, status: 'skip', detail: 'not checked (the cluster is not reachable)' };
  if (facts.username) {
    const groups = (facts.groups ?? []).filter((g) => g !== 'system:authenticated');
    return { id: 'identity', title, status: 'ok', detail: `${facts.username}${groups.length > 0 ? ` (groups: ${groups.join(', ')})` : ''}` };
  }
  const error = facts.error ?? 'no answer';
  if (/unauthorized|must be logged in|credentials/i.test(error)) {
    return { id: 'identity', title, status: 'fail', detail: error, fix: 'log in again: refresh the token or the cloud CLI login your kubeconfig uses' };
  }
  // Servers before Kubernetes 1.27 (and some proxies) do not answer SelfSubjectReview.
  return { id: 'identity', title, status: 'warn', detail: `unknown: ${error}`, fix: 'nothing to fix for hunch; ask your cluster admin who you are mapped to if access checks surprise you' };
}

/** One rule of `kubectl auth can-i --list`: resources (`pods`, `pods/log`, `deployments.apps`, `*.*`) and verbs. */
export type AccessRule = { resources: readonly string[]; verbs: readonly string[] };
export type AccessNeed = { verb: string; resource: string; subresource?: string | undefined; group?: string | undefined };
export type AccessFacts = { namespace: string; rules?: readonly AccessRule[]; error?: string | undefined; needs: ReadonlyMap<string, { need: AccessNeed; tests: number }> };

/** Whether a rule of `can-i --list` allows a verb on a resource. */
export function ruleAllows(rule: AccessRule, need: AccessNeed): boolean {
  if (!rule.verbs.includes('*') && !rule.verbs.includes(need.verb)) return false;
  const name = `${need.resource}${need.subresource ? `/${need.subresource}` : ''}`;
  const group = need.group ?? '';
  return rule.resources.some((resource) => {
    if (resource === '*' || resource === '*.*') return true;
    const [kind = '', ruleGroup = ''] = splitResource(resource);
    if (ruleGroup !== '*' && ruleGroup !== group) return false;
    return kind === '*' || kind === name || (kind === `${need.resource}/*` && need.subresource !== undefined);
  });
}

function splitResource(resource: string): [string, string] {
  // "deployments.apps" → ["deployments", "apps"]; "pods/log" → ["pods/log", ""]; "*.apps" → ["*", "apps"].
  const slash = resource.indexOf('/');
  const base = slash === -1 ? resource : resource.slice(0, slash);
  const sub = slash === -1 ? '' : resource.slice(slash);
  const dot = base.indexOf('.');
  return dot === -1 ? [resource, ''] : [`${base.slice(0, dot)}${sub}`, base.slice(dot + 1)];
}

export function checkAccess(facts: AccessFacts | undefined): DoctorCheck {
  const title = 'access';
  if (!facts) return { id: 'access', title, status: 'skip', detail: 'not checked (the cluster is not reachable)' };
  if (!facts.rules) return { id: 'access', title, status: 'warn', detail: `could not list what you may do in ${facts.namespace}: ${facts.error ?? 'no answer'}`, fix: 'hunch checks each test before it runs instead; kubectl auth can-i --list shows your rules' };
  const rules = facts.rules;
  const denied = [...facts.needs.values()].filter(({ need }) => !rules.some((rule) => ruleAllows(rule, need))).sort((a, b) => b.tests - a.tests);
  if (denied.length === 0) return { id: 'access', title, status: 'ok', detail: `everything the catalogue's tests need in ${facts.namespace}` };
  const list = denied.slice(0, 5).map(({ need, tests }) => `${need.verb} ${need.resource}${need.subresource ? `/${need.subresource}` : ''} (${tests} test${tests === 1 ? '' : 's'})`).join(', ');
  return {
    id: 'access',
    title,
    status: 'warn',
    detail: `in ${facts.namespace} you may not: ${list}${denied.length > 5 ? ` and ${denied.length - 5} more` : ''}`,
    fix: 'the tests that need it say so and go into the report for someone who has it; ask your cluster admin for read access (a view role) if you need them',
  };
}

/** Parses `kubectl auth can-i --list` (its table: Resources, Non-Resource URLs, Resource Names, Verbs). */
export function parseCanIList(text: string): AccessRule[] {
  const rules: AccessRule[] = [];
  for (const line of text.split('\n').slice(1)) {
    const verbs = /\[([^\]]*)\]\s*$/.exec(line);
    if (!verbs) continue;
    const resource = line.trim().split(/\s+/)[0] ?? '';
    if (resource === '' || resource.startsWith('[') || resource.startsWith('/')) continue;
    rules.push({ resources: [resource], verbs: (verbs[1] ?? '').split(/\s+/).filter(Boolean) });
  }
  return rules;
}

/** Whether something must be fixed: any check that failed. */
export function mustFix(checks: readonly DoctorCheck[]): boolean {
  return checks.some((check) => check.status === 'fail');
}

/** Tells whether mutating tests will be refused on this context (not a problem: a fact to know). */
export function checkProductionContext(context: string | undefined, production: boolean): DoctorCheck {
  return {
    id: 'production',
    title: 'production guard',
    status: 'ok',
    detail: !context
      ? 'no context'
      : production
        ? `context ${context} looks like production: mutating tests are refused unless --allow-mutating`
        : `context ${context} is not production by the settings' pattern`,
  };
}
