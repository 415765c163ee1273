import { createHash } from 'node:crypto';
import { field, list, record, text, type KubeObject } from './objects.js';

type Container = { name: string; image?: string; imagePullPolicy?: string; ports?: { protocol?: string }[]; resources?: { requests?: Record<string, string>; limits?: Record<string, string> }; [key: string]: unknown };
type ContainerStatus = { name: string; ready?: boolean; image?: string; imageID?: string; containerID?: string; started?: boolean; state?: { running?: object }; [key: string]: unknown };

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The defaults a real API server and kubelet add to what a manifest says, so `kubectl get -o
 * yaml` and `describe` show what they would on a real cluster without every scenario spelling
 * them out. A value the scenario gives is never overwritten.
 */
export function applyApiDefaults(objects: KubeObject[]): void {
  const nodeIps = new Map(objects.filter((o) => o.kind === 'Node').map((n) => [n.metadata.name, list<{ type: string; address: string }>(n, 'status', 'addresses').find((a) => a.type === 'InternalIP')?.address]));
  for (const object of objects) {
    if (object.apiVersion === 'v1' && object.kind === 'Pod') defaultPod(object, nodeIps);
    else if (object.apiVersion === 'v1' && object.kind === 'Service') defaultService(object);
    else if (object.apiVersion === 'apps/v1' && ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(object.kind)) defaultWorkload(object);
    else if (object.kind === 'Event') defaultEventSource(object, objects);
  }
}

function defaultContainer(container: Container): void {
  const tag = /:([^/:@]+)$/.exec(container.image ?? '')?.[1];
  container.imagePullPolicy ??= !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of container.ports ?? []) port.protocol ??= 'TCP';
}

function qosClass(containers: readonly Container[]): string {
  const resources = containers.map((c) => c.resources ?? {});
  if (resources.every((r) => Object.keys(r.requests ?? {}).length === 0 && Object.keys(r.limits ?? {}).length === 0)) return 'BestEffort';
  const guaranteed = resources.every((r) => ['cpu', 'memory'].every((k) => r.limits?.[k] !== undefined && (r.requests?.[k] ?? r.limits[k]) === r.limits[k]));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultPod(pod: KubeObject, nodeIps: ReadonlyMap<string, string | undefined>): void {
  const spec = record(pod, 'spec');
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.securityContext ??= {};
  spec.tolerations ??= [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  const containers = list<Container>(pod, 'spec', 'containers');
  const initContainers = list<Container>(pod, 'spec', 'initContainers');
  [...containers, ...initContainers].forEach(defaultContainer);
  pod.spec = spec;

  const status = record(pod, 'status');
  status.phase ??= 'Pending';
  status.qosClass ??= qosClass(containers);
  if (status.podIP && !status.podIPs) status.podIPs = [{ ip: status.podIP }];
  const hostIp = nodeIps.get(text(pod, 'spec', 'nodeName'));
  if (hostIp && !status.hostIP) {
    status.hostIP = hostIp;
    status.hostIPs = [{ ip: hostIp }];
  }
  if (spec.nodeName) status.startTime ??= pod.metadata.creationTimestamp;
  if (!status.conditions && spec.nodeName) status.conditions = derivedConditions(pod, list<ContainerStatus>(pod, 'status', 'containerStatuses'));
  const specs = new Map([...containers, ...initContainers].map((c) => [c.name, c]));
  for (const containerStatus of [...list<ContainerStatus>(pod, 'status', 'containerStatuses'), ...list<ContainerStatus>(pod, 'status', 'initContainerStatuses')]) {
    const image = specs.get(containerStatus.name)?.image ?? '';
    containerStatus.image ??= image;
    containerStatus.imageID ??= `${image.replace(/:[^/:@]+$/, '')}@sha256:${digest(image)}`;
    if (containerStatus.state?.running || field(containerStatus, 'state', 'terminated')) {
      containerStatus.containerID ??= `containerd://${digest(`${pod.metadata.uid ?? ''}/${containerStatus.name}`)}`;
    }
    containerStatus.started ??= Boolean(containerStatus.state?.running);
  }
  pod.status = status;
}

/** Conditions the kubelet would report, derived from the container statuses when a scenario leaves them out. */
function derivedConditions(pod: KubeObject, statuses: readonly ContainerStatus[]): object[] {
  const since = pod.metadata.creationTimestamp;
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const ready = statuses.length > 0 && unready.length === 0;
  const readiness = ready ? { status: 'True' } : { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  return [
    { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: since },
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: since },
    { type: 'Ready', ...readiness, lastProbeTime: null, lastTransitionTime: since },
    { type: 'ContainersReady', ...readiness, lastProbeTime: null, lastTransitionTime: since },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: since },
  ];
}

function defaultService(service: KubeObject): void {
  const spec = record(service, 'spec');
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  if (spec.type !== 'ExternalName') {
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  for (const port of list<{ port: number; protocol?: string; targetPort?: number | string }>(service, 'spec', 'ports')) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
  service.spec = spec;
  service.status ??= { loadBalancer: {} };
}

function defaultWorkload(workload: KubeObject): void {
  const spec = record(workload, 'spec');
  if (workload.kind !== 'DaemonSet') spec.replicas ??= 1;
  if (workload.kind === 'Deployment') {
    spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    spec.progressDeadlineSeconds ??= 600;
  }
  if (workload.kind !== 'ReplicaSet') spec.revisionHistoryLimit ??= 10;
  if (workload.kind === 'StatefulSet') {
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
    spec.podManagementPolicy ??= 'OrderedReady';
  }
  if (workload.kind === 'DaemonSet') spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  workload.spec = spec;
  workload.metadata.generation ??= 1;
  const status = field(workload, 'status') as Record<string, unknown> | undefined;
  if (status) status.observedGeneration ??= workload.metadata.generation;
}

/** Who reports an event, by its reason, when the scenario does not say: the component that would on a real cluster. */
const REPORTERS: Readonly<Record<string, string>> = {
  Scheduled: 'default-scheduler',
  FailedScheduling: 'default-scheduler',
  ScalingReplicaSet: 'deployment-controller',
  SuccessfulCreate: 'replicaset-controller',
  FailedCreate: 'replicaset-controller',
  SuccessfulDelete: 'replicaset-controller',
  SawCompletedJob: 'cronjob-controller',
  Completed: 'job-controller',
  BackoffLimitExceeded: 'job-controller',
  ProvisioningFailed: 'persistentvolume-controller',
  FailedBinding: 'persistentvolume-controller',
  ExternalProvisioning: 'persistentvolume-controller',
  FailedGetResourceMetric: 'horizontal-pod-autoscaler',
  SuccessfulRescale: 'horizontal-pod-autoscaler',
};

function defaultEventSource(event: KubeObject, objects: readonly KubeObject[]): void {
  if (field(event, 'source', 'component') || field(event, 'reportingComponent')) return;
  const reason = text(event, 'reason');
  const involved = record(event, 'involvedObject');
  let component = REPORTERS[reason];
  let host: string | undefined;
  if (!component && involved.kind === 'Pod') {
    component = 'kubelet';
    host = text(objects.find((o) => o.kind === 'Pod' && o.metadata.name === involved.name && o.metadata.namespace === involved.namespace), 'spec', 'nodeName') || undefined;
  }
  if (!component && involved.kind === 'Node') {
    component = 'kubelet';
    host = String(involved.name ?? '');
  }
  if (component) event.source = { component, ...(host ? { host } : {}) };
}
