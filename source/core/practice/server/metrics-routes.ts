import { notFound, type StatusAnswer } from '../api/status.js';
import { list, text, type KubeObject } from '../objects.js';
import { globMatches } from '../scenario/glob.js';
import { rfc3339 } from '../scenario/relative-time.js';
import { matchesLabels, parseLabelSelector } from '../select/label-selector.js';
import { badRequest } from '../api/status.js';
import type { PracticeContext } from './context.js';

type Answer = { code: number; body: unknown } | StatusAnswer;

/** Usage of one running pod, from the first scenario line that matches it; none for pods not running. */
function podMetrics(context: PracticeContext, pod: KubeObject, now: number): object | undefined {
  if (text(pod, 'status', 'phase') !== 'Running') return undefined;
  const entry = context.scenario.metrics?.pods.find((m) => globMatches(m.namespace ?? '*', pod.metadata.namespace ?? '') && globMatches(m.pod, pod.metadata.name));
  if (!entry) return undefined;
  const names = list<{ name: string }>(pod, 'spec', 'containers').map((c) => c.name);
  const containers = names.flatMap((name) => {
    const usage = entry.containers.find((c) => c.name === name) ?? entry.containers.find((c) => c.name === '*');
    return usage ? [{ name, usage: { cpu: usage.cpu, memory: usage.memory } }] : [];
  });
  return {
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: rfc3339(now), labels: pod.metadata.labels ?? {} },
    timestamp: rfc3339(now - 10_000),
    window: '15.012s',
    containers,
  };
}

function nodeMetrics(context: PracticeContext, node: KubeObject, now: number): object | undefined {
  const entry = context.scenario.metrics?.nodes.find((m) => globMatches(m.name, node.metadata.name));
  if (!entry) return undefined;
  return {
    metadata: { name: node.metadata.name, creationTimestamp: rfc3339(now), labels: node.metadata.labels ?? {} },
    timestamp: rfc3339(now - 10_000),
    window: '20.05s',
    usage: { cpu: entry.cpu, memory: entry.memory },
  };
}

/** GET /apis/metrics.k8s.io/v1beta1/…: what metrics-server would answer `kubectl top`. */
export function answerMetrics(context: PracticeContext, plural: string, namespace: string | undefined, name: string | undefined, url: URL): Answer {
  const now = context.now();
  const isPods = plural === 'pods';
  let sources = context.store.ofKind(isPods ? 'Pod' : 'Node').filter((o) => !isPods || namespace === undefined || o.metadata.namespace === namespace);
  const selector = url.searchParams.get('labelSelector');
  if (selector) {
    const parsed = parseLabelSelector(selector);
    if (!parsed.ok) return badRequest(parsed.message);
    sources = sources.filter((o) => matchesLabels(parsed.requirements, o.metadata.labels));
  }
  const measure = (o: KubeObject) => (isPods ? podMetrics(context, o, now) : nodeMetrics(context, o, now));
  const kind = isPods ? 'PodMetrics' : 'NodeMetrics';
  if (name !== undefined) {
    const source = sources.find((o) => o.metadata.name === name);
    const metrics = source ? measure(source) : undefined;
    if (!metrics) return notFound({ group: 'metrics.k8s.io', plural }, name);
    return { code: 200, body: { kind, apiVersion: 'metrics.k8s.io/v1beta1', ...metrics } };
  }
  const items = sources.flatMap((o) => {
    const metrics = measure(o);
    return metrics ? [metrics] : [];
  });
  return { code: 200, body: { kind: `${kind}List`, apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items } };
}
