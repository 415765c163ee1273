import type { ServerResponse } from 'node:http';
import { badRequest, notFound, type StatusAnswer } from '../api/status.js';
import { list, text, type KubeObject } from '../objects.js';
import { globMatches } from '../scenario/glob.js';
import { resolveTimesInText } from '../scenario/relative-time.js';
import type { PracticeContext } from './context.js';
import { sendStatus, sendText } from './respond.js';

type Status = { name: string; state?: { waiting?: { reason?: string; message?: string }; running?: object; terminated?: object }; lastState?: { terminated?: object } };

const POD_TYPE = { group: '', plural: 'pods' };

/** Which container a log request means, or the server's 400 when it cannot tell. */
function chooseContainer(pod: KubeObject, asked: string | null): string | StatusAnswer {
  const containers = list<{ name: string }>(pod, 'spec', 'containers').map((c) => c.name);
  const init = list<{ name: string }>(pod, 'spec', 'initContainers').map((c) => c.name);
  const ephemeral = list<{ name: string }>(pod, 'spec', 'ephemeralContainers').map((c) => c.name);
  if (asked) {
    return [...containers, ...init, ...ephemeral].includes(asked) ? asked : badRequest(`container ${asked} is not valid for pod ${pod.metadata.name}`);
  }
  if (containers.length === 1 && containers[0]) return containers[0];
  const initHint = init.length > 0 ? ` or one of the init containers: [${init.join(' ')}]` : '';
  return badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]${initHint}`);
}

function containerStatus(pod: KubeObject, container: string): Status | undefined {
  return [...list<Status>(pod, 'status', 'containerStatuses'), ...list<Status>(pod, 'status', 'initContainerStatuses')].find((s) => s.name === container);
}

function tail(logText: string, lines: number): string {
  const all = logText.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all.length === 0 ? '' : `${all.slice(Math.max(0, all.length - lines)).join('\n')}\n`;
}

/**
 * GET …/pods/<name>/log: the scenario's text for the container (current or previous instance), cut
 * by tailLines and limitBytes. The refusals are the kubelet's: no previous instance, a container
 * still waiting to start, an ambiguous container.
 */
export function servePodLog(context: PracticeContext, response: ServerResponse, namespace: string, name: string, url: URL): void {
  const pod = context.store.ofKind('Pod').find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  if (!pod) return sendStatus(response, notFound(POD_TYPE, name));
  const container = chooseContainer(pod, url.searchParams.get('container'));
  if (typeof container !== 'string') return sendStatus(response, container);
  const previous = url.searchParams.get('previous') === 'true';
  const status = containerStatus(pod, container);
  if (!text(pod, 'spec', 'nodeName')) return sendText(response, 200, '');
  if (previous && !status?.lastState?.terminated) {
    return sendStatus(response, badRequest(`previous terminated container "${container}" in pod "${name}" not found`));
  }
  const waiting = status?.state?.waiting;
  const hasRun = Boolean(status?.lastState?.terminated) || Boolean(status?.state?.running) || Boolean(status?.state?.terminated);
  if (!previous && (!status || (waiting && !hasRun))) {
    const reason = waiting?.reason ?? 'ContainerCreating';
    const detail = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason;
    return sendStatus(response, badRequest(`container "${container}" in pod "${name}" is waiting to start: ${detail}`));
  }
  const entry = context.scenario.logs.find((l) => l.namespace === namespace && globMatches(l.pod, name) && (l.container === undefined || l.container === container));
  // A crash-looping container has no live instance: the kubelet serves the last one's output.
  let body = (previous ? entry?.previous : (entry?.current ?? (waiting ? entry?.previous : undefined))) ?? '';
  // Log lines stay as fresh as the ages: `{{5m ago}}` becomes a timestamp at request time.
  body = resolveTimesInText(body, context.now());
  const tailLines = url.searchParams.get('tailLines');
  if (tailLines !== null && /^\d+$/.test(tailLines)) body = tail(body, Number(tailLines));
  if (url.searchParams.get('timestamps') === 'true') {
    const stamp = new Date(context.now()).toISOString().replace('Z', '000000Z');
    body = body.replace(/^(?=.)/gm, `${stamp} `);
  }
  const limitBytes = url.searchParams.get('limitBytes');
  if (limitBytes !== null && /^\d+$/.test(limitBytes)) body = Buffer.from(body).subarray(0, Number(limitBytes)).toString('utf8');
  if (url.searchParams.get('follow') === 'true') {
    // Nothing new will ever be logged; stay open like a quiet container until the client leaves.
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
    response.flushHeaders();
    if (body) response.write(body);
    context.watches.add(response);
    response.on('close', () => context.watches.delete(response));
    return;
  }
  sendText(response, 200, body, 'text/plain');
}
