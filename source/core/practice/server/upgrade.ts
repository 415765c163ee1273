import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { badRequest, pathNotFound } from '../api/status.js';
import type { PracticeContext } from './context.js';
import { execTarget, scriptedAnswer } from './exec-script.js';
import { refuseUpgrade, type ExecWebSockets } from './exec-websocket.js';
import { parseRequestPath } from './request-info.js';
import { checkAccess } from './router.js';

/**
 * An HTTP upgrade: `kubectl exec` (and attach) over WebSocket. Checks the pod, the container and
 * the user's pods/exec access before upgrading, so refusals come back as Status bodies kubectl
 * prints. SPDY, kubectl's fallback, is refused: the WebSocket path always answers first.
 */
export function routeUpgrade(context: PracticeContext, sockets: ExecWebSockets, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const url = new URL(request.url ?? '/', 'http://practice.invalid');
  const target = parseRequestPath(url.pathname);
  const isExec = target.kind === 'resource' && target.group === '' && target.plural === 'pods' && (target.subresource === 'exec' || target.subresource === 'attach');
  if (!isExec || !target.namespace || !target.name) return refuseUpgrade(socket, pathNotFound());
  if (!/websocket/i.test(request.headers.upgrade ?? '')) {
    return refuseUpgrade(socket, badRequest('the practice cluster speaks the WebSocket streaming protocol only (kubectl 1.30 or newer)'));
  }
  // Kubernetes 1.31+ asks for `create` on pods/exec whether the upgrade came as GET or POST.
  const refused = checkAccess(context, { verb: 'create', group: '', resource: 'pods', subresource: target.subresource, namespace: target.namespace, name: target.name });
  if (refused) return refuseUpgrade(socket, refused);
  const reached = execTarget(context.store.ofKind('Pod'), target.namespace, target.name, url.searchParams.get('container'));
  if ('code' in reached) return refuseUpgrade(socket, reached);
  const argv = url.searchParams.getAll('command');
  const answer = target.subresource === 'attach' ? { stdout: '', stderr: '', exitCode: 0 } : scriptedAnswer(context.scenario, reached.pod, reached.container, argv);
  sockets.answer(request, socket, head, answer, url.searchParams.get('tty') === 'true');
}
