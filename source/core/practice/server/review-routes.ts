import { isAllowed, rulesInNamespace } from '../access.js';
import { badRequest, methodNotAllowed, type StatusAnswer } from '../api/status.js';
import { record, text } from '../objects.js';
import { decodeReview, isKubernetesProtobuf } from '../api/protobuf-review.js';
import type { PracticeContext } from './context.js';

/** Reviews arrive as JSON from most clients and as protobuf from kubectl's typed clients. */
function parseReview(bytes: Buffer): Record<string, unknown> | undefined {
  if (isKubernetesProtobuf(bytes)) return decodeReview(bytes);
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export type ReviewAnswer = { code: number; body: unknown } | StatusAnswer;

/**
 * POST of a review kind: the access questions `kubectl auth can-i` and hunch's RBAC pre-check ask,
 * and `kubectl auth whoami`. Answers come from the scenario's access rules.
 */
export function answerReview(context: PracticeContext, plural: string, bytes: Buffer): ReviewAnswer {
  const body = parseReview(bytes);
  if (!body) return badRequest('the request body is neither JSON nor a Kubernetes protobuf review');
  const access = context.scenario.access;
  switch (plural) {
    case 'selfsubjectaccessreviews': {
      const resource = record(body, 'spec', 'resourceAttributes');
      const nonResource = record(body, 'spec', 'nonResourceAttributes');
      const allowed =
        Object.keys(resource).length > 0
          ? isAllowed(access, {
              verb: text(resource, 'verb'),
              group: text(resource, 'group'),
              resource: text(resource, 'resource'),
              subresource: text(resource, 'subresource') || undefined,
              namespace: text(resource, 'namespace') || undefined,
              name: text(resource, 'name') || undefined,
            })
          : Object.keys(nonResource).length > 0;
      const status = allowed ? { allowed: true, reason: 'allowed by the practice scenario' } : { allowed: false };
      return { code: 201, body: { ...body, metadata: { creationTimestamp: null }, status } };
    }
    case 'selfsubjectrulesreviews': {
      const namespace = text(body, 'spec', 'namespace') || 'default';
      const resourceRules = rulesInNamespace(access, namespace).map((rule) => ({
        verbs: rule.verbs,
        apiGroups: rule.apiGroups,
        resources: rule.resources,
        ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}),
      }));
      const nonResourceRules = [{ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/readyz', '/version', '/version/'] }];
      return { code: 201, body: { ...body, metadata: { creationTimestamp: null }, status: { resourceRules, nonResourceRules, incomplete: false } } };
    }
    case 'selfsubjectreviews':
      return { code: 201, body: { ...body, metadata: { creationTimestamp: null }, status: { userInfo: { username: context.user, groups: context.groups } } } };
    default:
      return methodNotAllowed(`the practice cluster does not answer ${plural}`);
  }
}
