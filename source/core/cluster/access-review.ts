import type { AccessRequirement, CatalogTest } from '../catalog/schema.js';
import type { ClusterClient } from './cluster-client.js';
import type { ClusterResult } from './failure.js';

/** One permission a test needs, normalised: core group is '', namespaced unless said otherwise. */
export type AccessNeed = { verb: string; resource: string; subresource?: string | undefined; group: string; namespaced: boolean };

/** What the cluster says about a test before it runs. */
export type AccessVerdict =
  | { state: 'allowed' }
  /** `missing` names the first permission refused, in kubectl's words: "create pods/exec in shop". */
  | { state: 'denied'; missing: string }
  | { state: 'unknown'; reason: string };

const POD_EXEC: AccessNeed = { verb: 'create', resource: 'pods', subresource: 'exec', group: '', namespaced: true };

/**
 * The permissions a test declares, plus `create pods/exec` for a test that runs inside a pod
 * (kubectl exec needs it whatever the test itself does).
 */
export function accessNeeds(test: Pick<CatalogTest, 'requires' | 'target'>, target: 'local' | 'pod' = test.target): AccessNeed[] {
  const needs = test.requires.access.map(normalise);
  if (target === 'pod') needs.push(POD_EXEC);
  const seen = new Set<string>();
  return needs.filter((need) => {
    const key = needKey(need, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function normalise(requirement: AccessRequirement): AccessNeed {
  return { verb: requirement.verb, resource: requirement.resource, subresource: requirement.subresource, group: requirement.group ?? '', namespaced: requirement.namespaced ?? true };
}

/** "create pods/exec in shop", "get deployments.apps in shop", "list nodes (cluster-wide)". */
export function describeNeed(need: AccessNeed, namespace: string | undefined): string {
  const resource = `${need.resource}${need.group ? `.${need.group}` : ''}${need.subresource ? `/${need.subresource}` : ''}`;
  return `${need.verb} ${resource}${need.namespaced && namespace ? ` in ${namespace}` : ' (cluster-wide)'}`;
}

function needKey(need: AccessNeed, namespace: string): string {
  return [need.namespaced ? namespace : '', need.group, need.resource, need.subresource ?? '', need.verb].join('|');
}

/**
 * SelfSubjectAccessReview for each permission, asked once per context, namespace, verb and
 * resource, a few at a time. When the client cannot be had (no kubeconfig, a dead server) every
 * answer is unknown with that reason and nothing is sent.
 */
export class AccessChecker {
  private readonly answers = new Map<string, { promise: Promise<AccessVerdict>; verdict?: AccessVerdict }>();
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly client: () => Promise<ClusterResult<ClusterClient>>,
    private readonly concurrency = 6,
  ) {}

  /** What is already known about these needs, without asking: undefined while anything is unanswered. */
  peek(needs: readonly AccessNeed[], namespace: string): AccessVerdict | undefined {
    const verdicts = needs.map((need) => this.answers.get(needKey(need, namespace))?.verdict);
    if (verdicts.some((v) => v === undefined)) return undefined;
    return combine(verdicts as AccessVerdict[]);
  }

  /** Asks the cluster about every need (cached) and combines: denied beats unknown beats allowed. */
  async check(needs: readonly AccessNeed[], namespace: string, signal?: AbortSignal): Promise<AccessVerdict> {
    const verdicts = await Promise.all(needs.map((need) => this.review(need, namespace, signal)));
    return combine(verdicts);
  }

  private review(need: AccessNeed, namespace: string, signal: AbortSignal | undefined): Promise<AccessVerdict> {
    const key = needKey(need, namespace);
    const known = this.answers.get(key);
    if (known) return known.promise;
    const entry: { promise: Promise<AccessVerdict>; verdict?: AccessVerdict } = { promise: Promise.resolve({ state: 'unknown', reason: '' }) };
    entry.promise = this.ask(need, namespace, signal).then((answer) => {
      // A cancelled question was never answered: ask again next time.
      if (answer.cancelled) this.answers.delete(key);
      else entry.verdict = answer.verdict;
      return answer.verdict;
    });
    this.answers.set(key, entry);
    return entry.promise;
  }

  private async ask(need: AccessNeed, namespace: string, signal: AbortSignal | undefined): Promise<{ verdict: AccessVerdict; cancelled?: boolean }> {
    const opened = await this.client();
    if (!opened.ok) return { verdict: { state: 'unknown', reason: opened.failure.message }, cancelled: opened.failure.kind === 'cancelled' };
    const client = opened.value;
    await this.slot();
    try {
      const what = `check access (${describeNeed(need, namespace)})`;
      const result = await client.call(
        what,
        (apis, options) =>
          apis.authorization.createSelfSubjectAccessReview(
            {
              body: {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectAccessReview',
                spec: {
                  resourceAttributes: {
                    verb: need.verb,
                    group: need.group,
                    resource: need.resource,
                    ...(need.subresource ? { subresource: need.subresource } : {}),
                    ...(need.namespaced ? { namespace } : {}),
                  },
                },
              },
            },
            options,
          ),
        { signal },
      );
      if (!result.ok) return { verdict: { state: 'unknown', reason: result.failure.message }, cancelled: result.failure.kind === 'cancelled' };
      const status = result.value.status;
      if (status?.allowed) return { verdict: { state: 'allowed' } };
      return { verdict: { state: 'denied', missing: describeNeed(need, namespace) } };
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.inFlight < this.concurrency) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

function combine(verdicts: readonly AccessVerdict[]): AccessVerdict {
  return verdicts.find((v) => v.state === 'denied') ?? verdicts.find((v) => v.state === 'unknown') ?? { state: 'allowed' };
}
