import { field, list, text, type KubeObject } from '../objects.js';
import { AGE, NAME, column, wide, type KindPrinter } from './columns.js';
import { ageSince, orNone } from './format.js';

type ContainerState = { waiting?: { reason?: string }; running?: object; terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string } };
type ContainerStatus = { name: string; ready?: boolean; started?: boolean; restartCount?: number; state?: ContainerState; lastState?: ContainerState };

/**
 * The STATUS column: the phase, overridden by what the containers say (CrashLoopBackOff,
 * OOMKilled, Init:0/1, Terminating …), in the same precedence kubectl users know from real clusters.
 */
export function podStatusSummary(pod: KubeObject, now: number): { ready: string; status: string; restarts: string } {
  const initSpecs = list<{ name: string; restartPolicy?: string }>(pod, 'spec', 'initContainers');
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let total = list(pod, 'spec', 'containers').length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let reason = text(pod, 'status', 'reason') || text(pod, 'status', 'phase') || 'Pending';
  const noteRestart = (status: ContainerStatus) => {
    restarts += status.restartCount ?? 0;
    const finished = Date.parse(status.lastState?.terminated?.finishedAt ?? '');
    if (!Number.isNaN(finished)) lastRestart = Math.max(lastRestart, finished);
  };

  let initializing = false;
  const initStatuses = list<ContainerStatus>(pod, 'status', 'initContainerStatuses');
  for (const [index, status] of initStatuses.entries()) {
    noteRestart(status);
    if (sidecars.has(status.name) && status.started) {
      if (status.ready) ready++;
      continue;
    }
    const terminated = status.state?.terminated;
    const waiting = status.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    initializing = true;
    if (terminated) reason = `Init:${terminated.reason || (terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`)}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${index}/${initSpecs.length}`;
    break;
  }

  if (!initializing || podCondition(pod, 'Initialized')) {
    let hasRunning = false;
    const statuses = list<ContainerStatus>(pod, 'status', 'containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const status = statuses[i] as ContainerStatus;
      noteRestart(status);
      const terminated = status.state?.terminated;
      if (status.state?.waiting?.reason) reason = status.state.waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      else if (status.ready && status.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = podCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }
  if (field(pod, 'metadata', 'deletionTimestamp')) reason = text(pod, 'status', 'reason') === 'NodeLost' ? 'Unknown' : 'Terminating';
  if (total === 0) total = list(pod, 'spec', 'containers').length;
  const restartText = restarts > 0 && lastRestart > 0 ? `${restarts} (${ageSince(new Date(lastRestart).toISOString(), now)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

function podCondition(pod: KubeObject, type: string): boolean {
  return list<{ type: string; status: string }>(pod, 'status', 'conditions').some((c) => c.type === type && c.status === 'True');
}

export const podPrinter: KindPrinter = {
  columns: [
    NAME,
    column('Ready', { description: 'The aggregate readiness state of this pod for accepting traffic.' }),
    column('Status', { description: 'The aggregate status of the containers in this pod.' }),
    column('Restarts', { description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.' }),
    AGE,
    wide('IP', { description: 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.' }),
    wide('Node', { description: 'NodeName is a request to schedule this pod onto a specific node.' }),
    wide('Nominated Node', { description: 'nominatedNodeName is set when this pod preempts other pods on the node.' }),
    wide('Readiness Gates', { description: 'If specified, all readiness gates will be evaluated for pod readiness.' }),
  ],
  cells(pod, { now }) {
    const summary = podStatusSummary(pod, now);
    const gates = list<{ conditionType: string }>(pod, 'spec', 'readinessGates');
    const gateText = gates.length === 0 ? '<none>' : `${gates.filter((g) => podCondition(pod, g.conditionType)).length}/${gates.length}`;
    return [
      pod.metadata.name,
      summary.ready,
      summary.status,
      summary.restarts,
      ageSince(pod.metadata.creationTimestamp, now),
      orNone(text(pod, 'status', 'podIP')),
      orNone(text(pod, 'spec', 'nodeName')),
      orNone(text(pod, 'status', 'nominatedNodeName')),
      gateText,
    ];
  },
};
