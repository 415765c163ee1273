import type { ParamSpec, ParamType } from '../schema.js';
import type { CatalogTest } from '../schema.js';

const SAMPLES: Readonly<Record<ParamType, string>> = {
  namespace: 'default',
  pod: 'sample-pod',
  container: 'app',
  deployment: 'sample-deployment',
  statefulset: 'sample-statefulset',
  daemonset: 'sample-daemonset',
  job: 'sample-job',
  cronjob: 'sample-cronjob',
  service: 'sample-service',
  ingress: 'sample-ingress',
  node: 'sample-node',
  pvc: 'sample-pvc',
  'secret-name': 'sample-secret',
  configmap: 'sample-configmap',
  serviceaccount: 'default',
  context: 'sample-context',
  'label-selector': 'app=sample',
  string: 'sample',
  integer: '5',
  duration: '5m',
  port: '8080',
  host: 'example.internal',
  url: 'https://example.internal/healthz',
};

/** A valid value for every parameter (defaults first), so a command can be rendered offline. */
export function sampleValues(test: CatalogTest): Record<string, string> {
  const values: Record<string, string> = {};
  for (const param of test.params) values[param.name] = sampleFor(param);
  return values;
}

export function sampleFor(param: ParamSpec): string {
  if (param.default !== undefined) return String(param.default);
  if (param.choices?.[0]) return param.choices[0];
  return SAMPLES[param.type];
}
