import { field, list, num, record, text, type KubeObject } from '../objects.js';
import { formatLabelMap, formatSelector, type ObjectLabelSelector } from '../select/label-selector.js';
import { AGE, NAME, column, wide, type Column, type KindPrinter } from './columns.js';
import { ageSince, humanDuration, orNone } from './format.js';

const CONTAINER_COLUMNS: Column[] = [
  wide('Containers', { description: 'Names of each container in the template.' }),
  wide('Images', { description: 'Images referenced by each container in the template.' }),
];
const SELECTOR = wide('Selector', { description: 'Label selector for pods.' });

function templateContainers(object: KubeObject, ...path: string[]): string[] {
  const containers = list<{ name: string; image: string }>(object, ...path, 'spec', 'containers');
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

function selectorOf(object: KubeObject): string {
  return formatSelector(field(object, 'spec', 'selector') as ObjectLabelSelector | undefined);
}

/** spec.replicas defaults to 1 on the server. */
function desiredReplicas(object: KubeObject): number {
  const value = field(object, 'spec', 'replicas');
  return value === undefined ? 1 : Number(value);
}

export const deploymentPrinter: KindPrinter = {
  columns: [NAME, column('Ready'), column('Up-to-date', { type: 'integer' }), column('Available', { type: 'integer' }), AGE, ...CONTAINER_COLUMNS, SELECTOR],
  cells: (d, { now }) => [
    d.metadata.name,
    `${num(d, 'status', 'readyReplicas')}/${desiredReplicas(d)}`,
    num(d, 'status', 'updatedReplicas'),
    num(d, 'status', 'availableReplicas'),
    ageSince(d.metadata.creationTimestamp, now),
    ...templateContainers(d, 'spec', 'template'),
    selectorOf(d),
  ],
};

export const replicaSetPrinter: KindPrinter = {
  columns: [NAME, column('Desired', { type: 'integer' }), column('Current', { type: 'integer' }), column('Ready', { type: 'integer' }), AGE, ...CONTAINER_COLUMNS, SELECTOR],
  cells: (rs, { now }) => [
    rs.metadata.name,
    desiredReplicas(rs),
    num(rs, 'status', 'replicas'),
    num(rs, 'status', 'readyReplicas'),
    ageSince(rs.metadata.creationTimestamp, now),
    ...templateContainers(rs, 'spec', 'template'),
    selectorOf(rs),
  ],
};

export const statefulSetPrinter: KindPrinter = {
  columns: [NAME, column('Ready'), AGE, ...CONTAINER_COLUMNS],
  cells: (s, { now }) => [s.metadata.name, `${num(s, 'status', 'readyReplicas')}/${desiredReplicas(s)}`, ageSince(s.metadata.creationTimestamp, now), ...templateContainers(s, 'spec', 'template')],
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    NAME,
    column('Desired', { type: 'integer' }),
    column('Current', { type: 'integer' }),
    column('Ready', { type: 'integer' }),
    column('Up-to-date', { type: 'integer' }),
    column('Available', { type: 'integer' }),
    column('Node Selector'),
    AGE,
    ...CONTAINER_COLUMNS,
    SELECTOR,
  ],
  cells: (ds, { now }) => [
    ds.metadata.name,
    num(ds, 'status', 'desiredNumberScheduled'),
    num(ds, 'status', 'currentNumberScheduled'),
    num(ds, 'status', 'numberReady'),
    num(ds, 'status', 'updatedNumberScheduled'),
    num(ds, 'status', 'numberAvailable'),
    formatLabelMap(record(ds, 'spec', 'template', 'spec', 'nodeSelector') as Record<string, string>),
    ageSince(ds.metadata.creationTimestamp, now),
    ...templateContainers(ds, 'spec', 'template'),
    selectorOf(ds),
  ],
};

function jobStatus(job: KubeObject): string {
  const conditions = list<{ type: string; status: string }>(job, 'status', 'conditions').filter((c) => c.status === 'True');
  const has = (type: string) => conditions.some((c) => c.type === type);
  if (has('Failed')) return 'Failed';
  if (has('Complete')) return 'Complete';
  if (field(job, 'metadata', 'deletionTimestamp')) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(job: KubeObject): string {
  const succeeded = num(job, 'status', 'succeeded');
  const completions = field(job, 'spec', 'completions');
  if (completions !== undefined) return `${succeeded}/${Number(completions)}`;
  const parallelism = num(job, 'spec', 'parallelism');
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KubeObject, now: number): string {
  const start = Date.parse(text(job, 'status', 'startTime'));
  if (Number.isNaN(start)) return '';
  const end = Date.parse(text(job, 'status', 'completionTime'));
  return humanDuration((Number.isNaN(end) ? now : end) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [NAME, column('Status'), column('Completions'), column('Duration'), AGE, ...CONTAINER_COLUMNS, SELECTOR],
  cells: (job, { now }) => [
    job.metadata.name,
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    ageSince(job.metadata.creationTimestamp, now),
    ...templateContainers(job, 'spec', 'template'),
    selectorOf(job),
  ],
};

export const cronJobPrinter: KindPrinter = {
  columns: [NAME, column('Schedule'), column('Timezone'), column('Suspend', { type: 'boolean' }), column('Active', { type: 'integer' }), column('Last Schedule'), AGE, ...CONTAINER_COLUMNS, SELECTOR],
  cells: (cj, { now }) => [
    cj.metadata.name,
    text(cj, 'spec', 'schedule'),
    orNone(text(cj, 'spec', 'timeZone')),
    Boolean(field(cj, 'spec', 'suspend')),
    list(cj, 'status', 'active').length,
    field(cj, 'status', 'lastScheduleTime') ? ageSince(field(cj, 'status', 'lastScheduleTime'), now) : '<none>',
    ageSince(cj.metadata.creationTimestamp, now),
    ...templateContainers(cj, 'spec', 'jobTemplate', 'spec', 'template'),
    formatSelector(field(cj, 'spec', 'jobTemplate', 'spec', 'selector') as ObjectLabelSelector | undefined),
  ],
};

type MetricSpec = { type: string; resource?: { name: string; target?: { averageUtilization?: number; averageValue?: string } } };
type MetricStatus = { type: string; resource?: { name: string; current?: { averageUtilization?: number; averageValue?: string } } };

/** TARGETS: "cpu: 45%/70%", "memory: <unknown>/80%"; other metric types show their target only. */
function hpaTargets(hpa: KubeObject): string {
  const specs = list<MetricSpec>(hpa, 'spec', 'metrics');
  if (specs.length === 0) return '<none>';
  const current = list<MetricStatus>(hpa, 'status', 'currentMetrics');
  const parts = specs.map((spec, index) => {
    const name = spec.resource?.name ?? spec.type.toLowerCase();
    const target = spec.resource?.target;
    const now = current[index]?.resource?.current;
    if (target?.averageUtilization !== undefined) {
      return `${name}: ${now?.averageUtilization !== undefined ? `${now.averageUtilization}%` : '<unknown>'}/${target.averageUtilization}%`;
    }
    return `${name}: ${now?.averageValue ?? '<unknown>'}/${target?.averageValue ?? '<unset>'}`;
  });
  return parts.length > 2 ? `${parts.slice(0, 2).join(', ')} + ${parts.length - 2} more...` : parts.join(', ');
}

export const hpaPrinter: KindPrinter = {
  columns: [NAME, column('Reference'), column('Targets'), column('MinPods'), column('MaxPods', { type: 'integer' }), column('Replicas', { type: 'integer' }), AGE],
  cells: (hpa, { now }) => [
    hpa.metadata.name,
    `${text(hpa, 'spec', 'scaleTargetRef', 'kind')}/${text(hpa, 'spec', 'scaleTargetRef', 'name')}`,
    hpaTargets(hpa),
    field(hpa, 'spec', 'minReplicas') === undefined ? '<unset>' : String(field(hpa, 'spec', 'minReplicas')),
    num(hpa, 'spec', 'maxReplicas'),
    num(hpa, 'status', 'currentReplicas'),
    ageSince(hpa.metadata.creationTimestamp, now),
  ],
};

export const pdbPrinter: KindPrinter = {
  columns: [NAME, column('Min Available'), column('Max Unavailable'), column('Allowed Disruptions', { type: 'integer' }), AGE],
  cells: (pdb, { now }) => [
    pdb.metadata.name,
    field(pdb, 'spec', 'minAvailable') === undefined ? 'N/A' : String(field(pdb, 'spec', 'minAvailable')),
    field(pdb, 'spec', 'maxUnavailable') === undefined ? 'N/A' : String(field(pdb, 'spec', 'maxUnavailable')),
    num(pdb, 'status', 'disruptionsAllowed'),
    ageSince(pdb.metadata.creationTimestamp, now),
  ],
};
