export type FieldRequirement = { field: string; op: '=' | '!='; value: string };
export type ParsedFieldSelector = { ok: true; requirements: FieldRequirement[] } | { ok: false; message: string };

type Reader = (object: Record<string, unknown>) => string;

const path =
  (...keys: string[]): Reader =>
  (object) => {
    let at: unknown = object;
    for (const key of keys) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
    return at === undefined || at === null ? '' : String(at);
  };

/**
 * The field labels a real API server accepts, per resource. Being as strict as the real server is
 * the point: a catalogue test that filters on an unsupported field fails here as it would on a
 * real cluster, instead of passing in practice and breaking in production.
 */
const FIELDS_BY_RESOURCE: Readonly<Record<string, Readonly<Record<string, Reader>>>> = {
  pods: {
    'spec.nodeName': path('spec', 'nodeName'),
    'spec.restartPolicy': path('spec', 'restartPolicy'),
    'spec.schedulerName': path('spec', 'schedulerName'),
    'spec.serviceAccountName': path('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(Boolean((o.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork)),
    'status.phase': path('status', 'phase'),
    'status.podIP': path('status', 'podIP'),
    'status.nominatedNodeName': path('status', 'nominatedNodeName'),
  },
  events: {
    'involvedObject.kind': path('involvedObject', 'kind'),
    'involvedObject.namespace': path('involvedObject', 'namespace'),
    'involvedObject.name': path('involvedObject', 'name'),
    'involvedObject.uid': path('involvedObject', 'uid'),
    'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source', 'component'),
    type: path('type'),
  },
  namespaces: { 'status.phase': path('status', 'phase') },
  nodes: { 'spec.unschedulable': (o) => String(Boolean((o.spec as { unschedulable?: boolean } | undefined)?.unschedulable)) },
  secrets: { type: path('type') },
  replicasets: { 'status.replicas': path('status', 'replicas') },
  replicationcontrollers: { 'status.replicas': path('status', 'replicas') },
  jobs: { 'status.successful': path('status', 'succeeded') },
  services: { 'spec.clusterIP': path('spec', 'clusterIP'), 'spec.type': path('spec', 'type') },
  certificatesigningrequests: { 'spec.signerName': path('spec', 'signerName') },
};

const COMMON: Readonly<Record<string, Reader>> = {
  'metadata.name': path('metadata', 'name'),
  'metadata.namespace': path('metadata', 'namespace'),
};

/** Parses `?fieldSelector=` for one resource; unsupported fields answer the way the server does. */
export function parseFieldSelector(text: string, resource: { group: string; plural: string }): ParsedFieldSelector {
  const requirements: FieldRequirement[] = [];
  const known = resource.group === '' || ['apps', 'batch', 'certificates.k8s.io'].includes(resource.group) ? FIELDS_BY_RESOURCE[resource.plural] ?? {} : {};
  for (const raw of splitUnescaped(text)) {
    const term = raw.trim();
    if (term === '') continue;
    const match = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match) return { ok: false, message: `invalid selector: '${text}'; can't understand '${term}'` };
    const field = match[1] ?? '';
    if (!Object.hasOwn(COMMON, field) && !Object.hasOwn(known, field)) return { ok: false, message: `field label not supported: ${field}` };
    requirements.push({ field, op: match[2] === '!=' ? '!=' : '=', value: unescape(match[3] ?? '') });
  }
  return { ok: true, requirements };
}

export function matchesFields(requirements: readonly FieldRequirement[], object: Record<string, unknown>, plural: string): boolean {
  const known = FIELDS_BY_RESOURCE[plural] ?? {};
  return requirements.every((r) => {
    const read = COMMON[r.field] ?? known[r.field];
    const actual = read ? read(object) : '';
    return r.op === '=' ? actual === r.value : actual !== r.value;
  });
}

/** Field selector values escape `,` `=` `\` with a backslash. */
function splitUnescaped(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && i + 1 < text.length) {
      current += char + (text[i + 1] ?? '');
      i++;
    } else if (char === ',') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
