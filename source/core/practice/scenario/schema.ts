import { z } from 'zod';

const name = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');
/** Pod names may be globs (`api-*`) so one entry can speak for every replica. */
const podPattern = z.string().min(1);

const objectSchema = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({
    /** Required for every kind but Event, whose name the cluster makes up when it is left out. */
    name: z.string().min(1).optional(),
    namespace: z.string().min(1).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
});

const logSchema = z.strictObject({
  namespace: z.string().min(1).optional(),
  pod: podPattern,
  container: z.string().min(1).optional(),
  /** What `kubectl logs` prints now. */
  current: z.string().optional(),
  /** What `kubectl logs --previous` prints: the container instance that last terminated. */
  previous: z.string().optional(),
});

const execSchema = z.strictObject({
  namespace: z.string().min(1).optional(),
  pod: podPattern,
  container: z.string().min(1).optional(),
  /** A regex over the command's argv joined by single spaces, e.g. '^psql .*pg_stat_activity'. */
  command: z.string().min(1),
  stdout: z.string().default(''),
  stderr: z.string().default(''),
  exitCode: z.number().int().min(0).max(255).default(0),
});

const usage = { cpu: z.string().min(1), memory: z.string().min(1) };
const metricsSchema = z.strictObject({
  nodes: z.array(z.strictObject({ name: z.string().min(1), ...usage })).default([]),
  pods: z
    .array(
      z.strictObject({
        /** A namespace, or `*` for every namespace (a catch-all line for pods nobody is asking about). */
        namespace: z.string().min(1).optional(),
        pod: podPattern,
        /** `name: '*'` gives every container of the pod the same usage. */
        containers: z.array(z.strictObject({ name: z.string().min(1), ...usage })).min(1),
      }),
    )
    .default([]),
});

const accessRuleSchema = z.strictObject({
  verbs: z.array(z.string().min(1)).min(1),
  apiGroups: z.array(z.string()).default(['*']),
  /** `pods`, `pods/log`, `pods/exec`, `*`. */
  resources: z.array(z.string().min(1)).min(1),
  resourceNames: z.array(z.string().min(1)).optional(),
  /** Namespaces the rule holds in; `*` for all (and for cluster-scoped resources). */
  namespaces: z.array(z.string().min(1)).default(['*']),
});

const accessSchema = z.strictObject({
  user: z.string().min(1).default('practice-user'),
  groups: z.array(z.string().min(1)).default(['system:authenticated']),
  /** What the user may do; without rules the user is a cluster admin. */
  rules: z.array(accessRuleSchema).optional(),
});

const revealTestSchema = z.strictObject({
  id: name,
  /** Parameter values that point the test at the fault (the namespace, the service …). */
  params: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
});

/** One scenario file, as written: `extends` pulls in another scenario's cluster to change a few things. */
export const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name,
  title: z.string().min(3),
  /** What the person bringing the incident says, in their words. */
  report: z.string().min(10),
  /** The scenario `npm start` opens when there is no kubeconfig. */
  default: z.boolean().default(false),
  extends: name.optional(),
  context: z.strictObject({ namespace: z.string().min(1).default('default') }).default({ namespace: 'default' }),
  /** Hidden until the end of the session. */
  rootCause: z.strictObject({ summary: z.string().min(10), detail: z.string().min(10), fix: z.string().min(5).optional() }).optional(),
  reveal: z
    .strictObject({
      /** Catalogue hypotheses that name the fault. */
      hypotheses: z.array(name).default([]),
      /** Catalogue tests whose anomaly points at the root cause, with the values that aim them. */
      tests: z.array(revealTestSchema).min(1),
    })
    .optional(),
  objects: z.array(objectSchema).default([]),
  /** Objects of the extended scenario to drop: kind, namespace and a name or glob. */
  remove: z.array(z.strictObject({ kind: z.string().min(1), namespace: z.string().min(1).optional(), name: podPattern })).default([]),
  logs: z.array(logSchema).default([]),
  exec: z.array(execSchema).default([]),
  metrics: metricsSchema.optional(),
  access: accessSchema.optional(),
  /**
   * Catalogue components this cluster deliberately does not run (Flux, Istio …): their tests meet
   * "the server doesn't have a resource type" or NotFound here as on any cluster without them.
   */
  notInstalled: z.array(name).default([]),
  /** Bodies for non-resource paths (`/metrics`, `/readyz?verbose`). */
  raw: z.record(z.string().regex(/^\//, 'must start with /'), z.string()).default({}),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type ScenarioLog = z.infer<typeof logSchema>;
export type ScenarioExec = z.infer<typeof execSchema>;
export type ScenarioMetrics = z.infer<typeof metricsSchema>;
export type ScenarioAccess = z.infer<typeof accessSchema>;
export type AccessRule = z.infer<typeof accessRuleSchema>;
export type RevealTest = z.infer<typeof revealTestSchema>;
