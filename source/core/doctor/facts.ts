import { selectContext } from '../cluster/kubeconfig-files.js';
import type { CatalogTest } from '../catalog/schema.js';
import { runCommand, type RunResult } from '../runner/run.js';
import { isOnPath } from '../tools.js';
import type { AccessFacts, AccessNeed, IdentityFacts, KubeconfigFacts, ReachabilityFacts, ToolFacts } from './checks.js';
import { parseCanIList } from './checks.js';

export type DoctorFacts = {
  nodeVersion: string;
  tools: ToolFacts;
  kubeconfig: KubeconfigFacts;
  reachability?: ReachabilityFacts | undefined;
  identity?: IdentityFacts | undefined;
  access?: AccessFacts | undefined;
};

export type DoctorOptions = {
  env: NodeJS.ProcessEnv;
  tests: readonly CatalogTest[];
  kubeconfig?: string | undefined;
  context?: string | undefined;
  namespace?: string | undefined;
  /** How long each question to the cluster may take. */
  timeoutMs?: number;
};

/**
 * Asks the machine and the cluster what the checks need: which tools are on PATH, what the
 * kubeconfig says, and, through the real kubectl (so the answers are the ones tests will get),
 * whether the server answers, who we are and what we may do.
 */
export async function gatherDoctorFacts(options: DoctorOptions): Promise<DoctorFacts> {
  const { env } = options;
  const needed = new Map<string, number>();
  for (const test of options.tests) {
    for (const tool of new Set([...test.requires.tools, ...(test.target === 'pod' ? ['kubectl'] : [])])) needed.set(tool, (needed.get(tool) ?? 0) + 1);
  }
  const isInstalled = (tool: string) => isOnPath(tool, env);
  const selection = selectContext({ kubeconfig: options.kubeconfig, context: options.context, namespace: options.namespace, env });
  const kubeconfig: KubeconfigFacts = { files: selection.files, hasKubeconfig: selection.hasKubeconfig, problem: selection.problem, context: selection.context, namespace: selection.namespace };
  const kubectl = (args: string[]) =>
    runCommand({
      argv: ['kubectl', ...(options.context ? [`--context=${options.context}`] : []), ...args],
      env: { ...(options.kubeconfig ? { KUBECONFIG: options.kubeconfig } : {}) },
      timeoutMs: options.timeoutMs ?? 10_000,
      graceMs: 500,
    });

  const hasKubectl = isInstalled('kubectl');
  const client = hasKubectl ? await kubectl(['version', '--client', '-o', 'json']) : undefined;
  const tools: ToolFacts = { needed, isInstalled, kubectlVersion: client ? jsonField(client.stdout, ['clientVersion', 'gitVersion']) : undefined };
  const facts: DoctorFacts = { nodeVersion: process.version, tools, kubeconfig };
  if (!hasKubectl || !selection.hasKubeconfig || selection.problem) return facts;

  const version = await kubectl(['version', '-o', 'json', `--request-timeout=${Math.ceil((options.timeoutMs ?? 10_000) / 2000)}s`]);
  const serverVersion = jsonField(version.stdout, ['serverVersion', 'gitVersion']);
  facts.reachability = serverVersion ? { serverVersion } : { error: lastError(version), timedOut: version.status === 'timeout' };
  if (!serverVersion) return facts;

  const whoami = await kubectl(['auth', 'whoami', '-o', 'json']);
  const username = jsonField(whoami.stdout, ['status', 'userInfo', 'username']);
  facts.identity = username ? { username, groups: jsonArray(whoami.stdout, ['status', 'userInfo', 'groups']) } : { error: lastError(whoami) };

  const canI = await kubectl(['auth', 'can-i', '--list', '-n', selection.namespace]);
  facts.access = {
    namespace: selection.namespace,
    needs: accessNeeds(options.tests),
    ...(canI.status === 'exited' && canI.exitCode === 0 ? { rules: parseCanIList(canI.stdout) } : { error: lastError(canI) }),
  };
  return facts;
}

/** Every access requirement of the catalogue, once, with how many tests have it. */
function accessNeeds(tests: readonly CatalogTest[]): Map<string, { need: AccessNeed; tests: number }> {
  const needs = new Map<string, { need: AccessNeed; tests: number }>();
  for (const test of tests) {
    for (const access of test.requires.access) {
      if (access.namespaced === false) continue; // cluster-wide: not a question about this namespace
      const key = `${access.verb} ${access.group ?? ''}/${access.resource}/${access.subresource ?? ''}`;
      const entry = needs.get(key) ?? { need: { verb: access.verb, resource: access.resource, subresource: access.subresource, group: access.group }, tests: 0 };
      entry.tests++;
      needs.set(key, entry);
    }
  }
  return needs;
}

/** The line of stderr that says what went wrong, without kubectl's "error: " prefix. */
function lastError(result: RunResult): string {
  if (result.status === 'timeout') return `no answer within ${Math.round(result.durationMs / 1000)} s`;
  if (result.status === 'spawn-error') return result.spawnError ?? 'could not start kubectl';
  const lines = result.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^E\d{4} /.test(l));
  const line = lines.at(-1) ?? result.stderr.split('\n').find((l) => l.trim() !== '')?.trim() ?? `exit code ${result.exitCode}`;
  return line.replace(/^error: /i, '');
}

function jsonValue(text: string, path: readonly string[]): unknown {
  try {
    let value: unknown = JSON.parse(text);
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    return value;
  } catch {
    return undefined;
  }
}

function jsonField(text: string, path: readonly string[]): string | undefined {
  const value = jsonValue(text, path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function jsonArray(text: string, path: readonly string[]): string[] {
  const value = jsonValue(text, path);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
