import type { AccessRule, ScenarioAccess } from './scenario/schema.js';

/** One thing a request wants to do, in RBAC's terms. */
export type AccessRequest = { verb: string; group: string; resource: string; subresource?: string | undefined; namespace?: string | undefined; name?: string | undefined };

const ADMIN: AccessRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], namespaces: ['*'] }];

export function accessRules(access: ScenarioAccess | undefined): AccessRule[] {
  return access?.rules ?? ADMIN;
}

/** RBAC's matching: `pods` does not grant `pods/log`; `*` grants everything; cluster-scoped asks need namespace `*`. */
export function isAllowed(access: ScenarioAccess | undefined, request: AccessRequest): boolean {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return accessRules(access).some((rule) => {
    if (!rule.verbs.includes('*') && !rule.verbs.includes(request.verb)) return false;
    if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(request.group)) return false;
    const resourceMatches = rule.resources.some((r) => r === '*' || r === resource || (request.subresource !== undefined && r === `*/${request.subresource}`));
    if (!resourceMatches) return false;
    if (rule.resourceNames && rule.resourceNames.length > 0 && (!request.name || !rule.resourceNames.includes(request.name))) return false;
    return rule.namespaces.includes('*') || (request.namespace !== undefined && rule.namespaces.includes(request.namespace));
  });
}

/** The API server's wording for a refusal, which kubectl prints after "Error from server (Forbidden):". */
export function forbiddenMessage(user: string, request: AccessRequest): string {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const subject = request.name ? `${request.resource} "${request.name}"` : request.resource;
  const scope = request.namespace ? `in the namespace "${request.namespace}"` : 'at the cluster scope';
  return `${subject} is forbidden: User "${user}" cannot ${request.verb} resource "${resource}" in API group "${request.group}" ${scope}`;
}

/** The rules that hold in one namespace, for SelfSubjectRulesReview (`kubectl auth can-i --list`). */
export function rulesInNamespace(access: ScenarioAccess | undefined, namespace: string): AccessRule[] {
  return accessRules(access).filter((rule) => rule.namespaces.includes('*') || rule.namespaces.includes(namespace));
}
