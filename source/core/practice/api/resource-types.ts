/** One kind the practice cluster serves, as discovery describes it. */
export type ResourceType = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources discovery lists (status, log, exec …); only some are served. */
  subresources: string[];
  /** For custom resources: the printer columns of the served version. */
  printerColumns?: PrinterColumn[] | undefined;
};

export type PrinterColumn = { name: string; type: string; jsonPath: string; description?: string | undefined; priority?: number | undefined; format?: string | undefined };

const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];

type Spec = [kind: string, plural: string, namespaced: boolean, shortNames?: string[], extra?: { categories?: string[]; verbs?: string[]; subresources?: string[] }];

function groupVersion(group: string, version: string, specs: Spec[]): ResourceType[] {
  return specs.map(([kind, plural, namespaced, shortNames = [], extra = {}]) => ({
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
    categories: extra.categories ?? [],
    verbs: extra.verbs ?? READ_WRITE,
    subresources: extra.subresources ?? [],
  }));
}

const ALL = { categories: ['all'] };

/**
 * The built-in API of a Kubernetes 1.32 cluster, as far as troubleshooting reads it. These are
 * facts about Kubernetes, not about a scenario: a kind with no objects still lists as empty, the
 * way a real cluster answers "No resources found".
 */
export const BUILTIN_RESOURCES: readonly ResourceType[] = [
  ...groupVersion('', 'v1', [
    ['ComponentStatus', 'componentstatuses', false, ['cs'], { verbs: ['get', 'list'] }],
    ['ConfigMap', 'configmaps', true, ['cm']],
    ['Endpoints', 'endpoints', true, ['ep']],
    ['Event', 'events', true, ['ev']],
    ['LimitRange', 'limitranges', true, ['limits']],
    ['Namespace', 'namespaces', false, ['ns'], { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['finalize', 'status'] }],
    ['Node', 'nodes', false, ['no'], { subresources: ['proxy', 'status'] }],
    ['PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc'], { subresources: ['status'] }],
    ['PersistentVolume', 'persistentvolumes', false, ['pv'], { subresources: ['status'] }],
    ['Pod', 'pods', true, ['po'], { ...ALL, subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'] }],
    ['PodTemplate', 'podtemplates', true],
    ['ReplicationController', 'replicationcontrollers', true, ['rc'], { ...ALL, subresources: ['scale', 'status'] }],
    ['ResourceQuota', 'resourcequotas', true, ['quota'], { subresources: ['status'] }],
    ['Secret', 'secrets', true],
    ['ServiceAccount', 'serviceaccounts', true, ['sa'], { subresources: ['token'] }],
    ['Service', 'services', true, ['svc'], { ...ALL, subresources: ['proxy', 'status'] }],
  ]),
  ...groupVersion('apps', 'v1', [
    ['ControllerRevision', 'controllerrevisions', true],
    ['DaemonSet', 'daemonsets', true, ['ds'], { ...ALL, subresources: ['status'] }],
    ['Deployment', 'deployments', true, ['deploy'], { ...ALL, subresources: ['scale', 'status'] }],
    ['ReplicaSet', 'replicasets', true, ['rs'], { ...ALL, subresources: ['scale', 'status'] }],
    ['StatefulSet', 'statefulsets', true, ['sts'], { ...ALL, subresources: ['scale', 'status'] }],
  ]),
  ...groupVersion('autoscaling', 'v2', [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], { ...ALL, subresources: ['status'] }]]),
  ...groupVersion('batch', 'v1', [
    ['CronJob', 'cronjobs', true, ['cj'], { ...ALL, subresources: ['status'] }],
    ['Job', 'jobs', true, [], { ...ALL, subresources: ['status'] }],
  ]),
  ...groupVersion('networking.k8s.io', 'v1', [
    ['IngressClass', 'ingressclasses', false],
    ['Ingress', 'ingresses', true, ['ing'], { subresources: ['status'] }],
    ['NetworkPolicy', 'networkpolicies', true, ['netpol']],
  ]),
  ...groupVersion('discovery.k8s.io', 'v1', [['EndpointSlice', 'endpointslices', true]]),
  ...groupVersion('policy', 'v1', [['PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], { subresources: ['status'] }]]),
  ...groupVersion('rbac.authorization.k8s.io', 'v1', [
    ['ClusterRoleBinding', 'clusterrolebindings', false],
    ['ClusterRole', 'clusterroles', false],
    ['RoleBinding', 'rolebindings', true],
    ['Role', 'roles', true],
  ]),
  ...groupVersion('storage.k8s.io', 'v1', [
    ['CSIDriver', 'csidrivers', false],
    ['CSINode', 'csinodes', false],
    ['CSIStorageCapacity', 'csistoragecapacities', true],
    ['StorageClass', 'storageclasses', false, ['sc']],
    ['VolumeAttachment', 'volumeattachments', false, [], { subresources: ['status'] }],
  ]),
  ...groupVersion('scheduling.k8s.io', 'v1', [['PriorityClass', 'priorityclasses', false, ['pc']]]),
  ...groupVersion('node.k8s.io', 'v1', [['RuntimeClass', 'runtimeclasses', false]]),
  ...groupVersion('coordination.k8s.io', 'v1', [['Lease', 'leases', true]]),
  ...groupVersion('apiextensions.k8s.io', 'v1', [
    ['CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds'], { categories: ['api-extensions'], subresources: ['status'] }],
  ]),
  ...groupVersion('apiregistration.k8s.io', 'v1', [['APIService', 'apiservices', false, [], { categories: ['api-extensions'], subresources: ['status'] }]]),
  ...groupVersion('admissionregistration.k8s.io', 'v1', [
    ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false, [], { categories: ['api-extensions'] }],
    ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, [], { categories: ['api-extensions'] }],
    ['ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false, [], { categories: ['api-extensions'], subresources: ['status'] }],
    ['ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false, [], { categories: ['api-extensions'] }],
  ]),
  ...groupVersion('certificates.k8s.io', 'v1', [['CertificateSigningRequest', 'certificatesigningrequests', false, ['csr'], { subresources: ['approval', 'status'] }]]),
  ...groupVersion('authorization.k8s.io', 'v1', [
    ['LocalSubjectAccessReview', 'localsubjectaccessreviews', true, [], { verbs: CREATE_ONLY }],
    ['SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, [], { verbs: CREATE_ONLY }],
    ['SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, [], { verbs: CREATE_ONLY }],
    ['SubjectAccessReview', 'subjectaccessreviews', false, [], { verbs: CREATE_ONLY }],
  ]),
  ...groupVersion('authentication.k8s.io', 'v1', [
    ['SelfSubjectReview', 'selfsubjectreviews', false, [], { verbs: CREATE_ONLY }],
    ['TokenReview', 'tokenreviews', false, [], { verbs: CREATE_ONLY }],
  ]),
];

/** The kinds the metrics API adds when a scenario gives metrics (what metrics-server serves). */
export const METRICS_RESOURCES: readonly ResourceType[] = groupVersion('metrics.k8s.io', 'v1beta1', [
  ['NodeMetrics', 'nodes', false, [], { verbs: ['get', 'list'] }],
  ['PodMetrics', 'pods', true, [], { verbs: ['get', 'list'] }],
]);

/** Kinds that are requests rather than stored objects: POST answers them, nothing lists them. */
export const REVIEW_KINDS: ReadonlySet<string> = new Set([
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'SubjectAccessReview',
  'LocalSubjectAccessReview',
  'SelfSubjectReview',
  'TokenReview',
]);

export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
