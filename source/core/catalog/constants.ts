// Kept apart from the zod schema so code that only needs these values does not load zod.

/** Every parameter type a catalogue test may declare (DESIGN.md §3). */
export const PARAM_TYPES = [
  'namespace',
  'pod',
  'container',
  'deployment',
  'statefulset',
  'daemonset',
  'job',
  'cronjob',
  'service',
  'ingress',
  'node',
  'pvc',
  'secret-name',
  'configmap',
  'serviceaccount',
  'context',
  'label-selector',
  'string',
  'integer',
  'duration',
  'port',
  'host',
  'url',
] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export const OUTCOMES = ['anomaly', 'healthy', 'inconclusive', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];
