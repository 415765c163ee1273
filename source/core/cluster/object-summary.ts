import type {
  V1Container,
  V1CronJob,
  V1CustomResourceDefinition,
  V1DaemonSet,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Namespace,
  V1Node,
  V1ObjectMeta,
  V1PersistentVolumeClaim,
  V1PodTemplateSpec,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { CrdSummary, Health, NamespacedKind, NamespaceSummary, NodeSummary, ObjectSummary } from './inventory.js';

const FINE: Health = { severity: 0, summary: '' };

function base(kind: NamespacedKind, metadata: V1ObjectMeta | undefined, health: Health = FINE): ObjectSummary {
  return { kind, namespace: metadata?.namespace ?? '', name: metadata?.name ?? '', labels: metadata?.labels ?? {}, images: [], health };
}

/** Template labels count for recognising a workload: charts put app.kubernetes.io/name there. */
function withTemplate(summary: ObjectSummary, template: V1PodTemplateSpec | undefined): ObjectSummary {
  const containers: V1Container[] = [...(template?.spec?.initContainers ?? []), ...(template?.spec?.containers ?? [])];
  return { ...summary, labels: { ...(template?.metadata?.labels ?? {}), ...summary.labels }, images: containers.map((c) => c.image ?? '').filter((i) => i !== '') };
}

function replicasHealth(ready: number, desired: number): Health {
  if (desired === 0) return { severity: 0, summary: 'scaled to 0' };
  return ready < desired ? { severity: 2, summary: `${ready}/${desired} ready` } : { severity: 0, summary: `${ready}/${desired} ready` };
}

export function summarizeDeployment(d: V1Deployment): ObjectSummary {
  const desired = d.spec?.replicas ?? 1;
  let health = replicasHealth(d.status?.readyReplicas ?? 0, desired);
  const stalled = (d.status?.conditions ?? []).find((c) => c.type === 'Progressing' && c.status === 'False');
  if (stalled) health = { severity: 2, summary: `${health.summary}, ${stalled.reason ?? 'not progressing'}` };
  if (d.spec?.paused) health = { ...health, summary: `${health.summary}, paused` };
  return { ...withTemplate(base('deployment', d.metadata, health), d.spec?.template), selector: d.spec?.selector?.matchLabels };
}

export function summarizeStatefulSet(s: V1StatefulSet): ObjectSummary {
  const health = replicasHealth(s.status?.readyReplicas ?? 0, s.spec?.replicas ?? 1);
  return { ...withTemplate(base('statefulset', s.metadata, health), s.spec?.template), selector: s.spec?.selector?.matchLabels };
}

export function summarizeDaemonSet(d: V1DaemonSet): ObjectSummary {
  const health = replicasHealth(d.status?.numberReady ?? 0, d.status?.desiredNumberScheduled ?? 0);
  return { ...withTemplate(base('daemonset', d.metadata, health), d.spec?.template), selector: d.spec?.selector?.matchLabels };
}

export function summarizeJob(j: V1Job): ObjectSummary {
  const failed = (j.status?.conditions ?? []).find((c) => c.type === 'Failed' && c.status === 'True');
  const health: Health = failed
    ? { severity: 2, summary: `failed: ${failed.reason ?? ''}`.replace(/: $/, '') }
    : (j.status?.active ?? 0) > 0
      ? { severity: 0, summary: 'running' }
      : (j.status?.succeeded ?? 0) > 0
        ? { severity: 0, summary: 'complete' }
        : (j.status?.failed ?? 0) > 0
          ? { severity: 1, summary: `${j.status?.failed} failed attempts` }
          : FINE;
  return withTemplate(base('job', j.metadata, health), j.spec?.template);
}

export function summarizeCronJob(c: V1CronJob): ObjectSummary {
  const health: Health = c.spec?.suspend ? { severity: 0, summary: 'suspended' } : { severity: 0, summary: c.spec?.schedule ?? '' };
  return withTemplate(base('cronjob', c.metadata, health), c.spec?.jobTemplate?.spec?.template);
}

export function summarizeService(s: V1Service): ObjectSummary {
  const ports = (s.spec?.ports ?? []).map((p) => p.port);
  const summary = [s.spec?.type ?? 'ClusterIP', ports.length > 0 ? `port ${ports.join(',')}` : ''].filter(Boolean).join(', ');
  return { ...base('service', s.metadata, { severity: 0, summary }), selector: s.spec?.selector, ports };
}

/**
 * A service is only as good as the pods it selects: one selecting no pod, or no ready pod, is the
 * classic cause of a 502/503. Judged against the pods listed in the same namespace.
 */
export function judgeServices(services: ObjectSummary[], pods: readonly ObjectSummary[]): ObjectSummary[] {
  return services.map((service) => {
    const selector = service.selector;
    if (!selector || Object.keys(selector).length === 0) return service;
    const selected = pods.filter((p) => p.namespace === service.namespace && Object.entries(selector).every(([k, v]) => p.labels[k] === v));
    const ready = selected.filter((p) => p.health.severity < 2 && p.health.summary !== 'Completed');
    if (selected.length === 0) return { ...service, health: { severity: 2, summary: `${service.health.summary}, selects no pods` } };
    if (ready.length === 0) return { ...service, health: { severity: 2, summary: `${service.health.summary}, none of its ${selected.length} pods is ready` } };
    return { ...service, health: { severity: 0, summary: `${service.health.summary}, ${ready.length}/${selected.length} pods ready` } };
  });
}

export function summarizeIngress(i: V1Ingress): ObjectSummary {
  const tlsHosts = new Set((i.spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
  const urls: string[] = [];
  const backends = new Set<string>();
  for (const rule of i.spec?.rules ?? []) {
    const host = rule.host ?? '';
    for (const path of rule.http?.paths ?? []) {
      if (host) urls.push(`${tlsHosts.has(host) ? 'https' : 'http'}://${host}${path.path ?? '/'}`);
      if (path.backend?.service?.name) backends.add(path.backend.service.name);
    }
  }
  const summary = [...new Set(urls.map((u) => new URL(u).host))].join(', ') + (backends.size > 0 ? ` → ${[...backends].join(', ')}` : '');
  return { ...base('ingress', i.metadata, { severity: 0, summary }), urls: [...new Set(urls)] };
}

export function summarizePvc(p: V1PersistentVolumeClaim): ObjectSummary {
  const phase = p.status?.phase ?? 'Pending';
  const size = p.status?.capacity?.storage ?? p.spec?.resources?.requests?.storage ?? '';
  const summary = [phase, size, p.spec?.storageClassName ?? ''].filter(Boolean).join(' ');
  return base('pvc', p.metadata, { severity: phase === 'Bound' ? 0 : 2, summary });
}

/** ConfigMaps, Secrets and ServiceAccounts: names only (Secrets are listed metadata-only). */
export function summarizeNamed(kind: 'configmap' | 'secret-name' | 'serviceaccount', metadata: V1ObjectMeta | undefined, note = ''): ObjectSummary {
  return base(kind, metadata, { severity: 0, summary: note });
}

export function summarizeNamespace(n: V1Namespace): NamespaceSummary {
  return { name: n.metadata?.name ?? '', phase: n.status?.phase ?? 'Active' };
}

export function summarizeNode(n: V1Node): NodeSummary {
  const conditions = n.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  const pressure = conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type);
  const problems = [ready?.status === 'True' ? '' : 'NotReady', ...pressure, n.spec?.unschedulable ? 'cordoned' : ''].filter(Boolean);
  const severity = ready?.status !== 'True' || pressure.length > 0 ? 2 : n.spec?.unschedulable ? 1 : 0;
  return { name: n.metadata?.name ?? '', health: { severity, summary: problems.length > 0 ? problems.join(', ') : 'Ready' } };
}

export function summarizeCrd(c: V1CustomResourceDefinition): CrdSummary {
  return { name: c.metadata?.name ?? '', group: c.spec?.group ?? '', kind: c.spec?.names?.kind ?? '' };
}
