import { z } from 'zod';

import { OUTCOMES, PARAM_TYPES } from './constants.js';

export { OUTCOMES, PARAM_TYPES, type Outcome, type ParamType } from './constants.js';

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');

const paramName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must start with a letter and hold only lowercase letters, digits and _');

/** "30s", "2m", "1h", "500ms". */
export const durationText = z
  .string()
  .regex(/^\d+(ms|s|m|h)$/, 'must be a duration such as 500ms, 30s, 2m or 1h');

export const paramSchema = z.strictObject({
  name: paramName,
  type: z.enum(PARAM_TYPES),
  description: z.string().min(1).optional(),
  required: z.boolean().optional(),
  default: z.union([z.string(), z.number()]).optional(),
  dependsOn: z.union([paramName, z.array(paramName)]).optional(),
  /** Offer the workloads of the test's component first when suggesting values. */
  suggestFromComponent: z.boolean().optional(),
  /** For `string`: the only values accepted. */
  choices: z.array(z.string()).min(1).optional(),
});
export type ParamSpec = z.infer<typeof paramSchema>;

/** An argv element, or a group of elements present only when a parameter has a value. */
export const commandPartSchema = z.union([
  z.string(),
  z.strictObject({ when: paramName, args: z.array(z.string()).min(1) }),
]);
export type CommandPart = z.infer<typeof commandPartSchema>;

const numericComparison = {
  gt: z.number().optional(),
  ge: z.number().optional(),
  lt: z.number().optional(),
  le: z.number().optional(),
  eq: z.number().optional(),
  ne: z.number().optional(),
};

const stream = z.enum(['stdout', 'stderr', 'output']);

export const conditionSchema = z.strictObject({
  exitCode: z
    .union([z.number().int(), z.array(z.number().int()), z.strictObject({ not: z.union([z.number().int(), z.array(z.number().int())]) })])
    .optional(),
  /** Regexes ("pattern" or "/pattern/flags") that must match somewhere in the stream. */
  stdout: z.string().optional(),
  stderr: z.string().optional(),
  output: z.string().optional(),
  /** Regexes that must not match anywhere in the stream. */
  notStdout: z.string().optional(),
  notStderr: z.string().optional(),
  notOutput: z.string().optional(),
  /** Counts non-empty lines (those matching `match` when given), then compares the count. */
  lines: z
    .strictObject({ in: stream.optional(), match: z.string().optional(), skip: z.number().int().min(0).optional(), ...numericComparison })
    .optional(),
  /** Extracts numbers with the regex's first capture group, aggregates them, then compares. */
  number: z
    .strictObject({
      in: stream.optional(),
      regex: z.string(),
      aggregate: z.enum(['max', 'min', 'sum', 'first', 'last', 'count']).optional(),
      ...numericComparison,
    })
    .optional(),
  /** Parses stdout as JSON, reads the values at a path such as items[*].status.phase. */
  json: z
    .strictObject({
      path: z.string(),
      equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
      matches: z.string().optional(),
      count: z.strictObject(numericComparison).optional(),
      ...numericComparison,
    })
    .optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

export const ruleSchema = z.strictObject({
  when: conditionSchema,
  outcome: z.enum(OUTCOMES),
  finding: z.string().min(1),
});
export type InterpretRule = z.infer<typeof ruleSchema>;

export const exampleSchema = z.strictObject({
  name: z.string().min(1).optional(),
  stdout: z.string().default(''),
  stderr: z.string().default(''),
  exitCode: z.number().int().default(0),
  outcome: z.enum(OUTCOMES),
});
export type Example = z.infer<typeof exampleSchema>;

export const accessSchema = z.strictObject({
  verb: z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'impersonate', 'proxy']),
  resource: z.string().min(1),
  subresource: z.string().min(1).optional(),
  group: z.string().optional(),
  /** false when the access is cluster-wide (nodes, namespaces, PVs …). */
  namespaced: z.boolean().optional(),
});
export type AccessRequirement = z.infer<typeof accessSchema>;

export const testSchema = z
  .strictObject({
    id: kebabId,
    title: z.string().min(3),
    component: kebabId.optional(),
    summary: z.string().min(10),
    explain: z.string().min(20),
    symptoms: z.array(z.string().min(1)).min(1),
    tags: z.array(z.string().min(1)).default([]),
    params: z.array(paramSchema).default([]),
    command: z.array(commandPartSchema).min(1).optional(),
    script: z.string().min(1).optional(),
    target: z.enum(['local', 'pod']).default('local'),
    effect: z.enum(['read-only', 'mutating']),
    requires: z
      .strictObject({
        tools: z.array(z.string().min(1)).default([]),
        access: z.array(accessSchema).default([]),
      })
      .default({ tools: [], access: [] }),
    timeout: durationText.default('30s'),
    interpret: z.array(ruleSchema).min(1),
    examples: z.array(exampleSchema).min(2),
    next: z.array(kebabId).default([]),
    docs: z.array(z.url()).default([]),
  })
  .refine((t) => (t.command === undefined) !== (t.script === undefined), {
    message: 'a test has either `command` or `script`, not both and not neither',
    path: ['command'],
  });
export type CatalogTestInput = z.input<typeof testSchema>;
export type ParsedTest = z.output<typeof testSchema>;

/** A test as the rest of hunch sees it: component resolved, source location attached. */
export type CatalogTest = ParsedTest & { component: string; source: TestSource };

export type SourceLocation = { file: string; line: number; col: number };
/** Where a test sits: its file position and its path inside the file (['tests', 3]). */
export type TestSource = SourceLocation & { path: (string | number)[] };

export const catalogFileSchema = z.strictObject({
  $schema: z.string().optional(),
  component: kebabId,
  tests: z.array(z.unknown()).default([]),
});

export const componentSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1),
  description: z.string().optional(),
  aliases: z.array(z.string().min(1)).default([]),
  /** Everyday words that should bring this component's tests ("db", "cache", "queue"). */
  vocabulary: z.array(z.string().min(1)).default([]),
  detect: z
    .strictObject({
      images: z.array(z.string().min(1)).default([]),
      labels: z.array(z.string().min(1)).default([]),
      crds: z.array(z.string().min(1)).default([]),
    })
    .default({ images: [], labels: [], crds: [] }),
});
export type Component = z.infer<typeof componentSchema>;

export const componentsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  components: z.array(z.unknown()),
});

export const hypothesisSchema = z.strictObject({
  id: kebabId,
  statement: z.string().min(5),
  component: kebabId.optional(),
  symptoms: z.array(z.string().min(1)).default([]),
  tests: z.array(kebabId).min(1),
});
export type Hypothesis = z.infer<typeof hypothesisSchema> & { source: TestSource };

export const hypothesesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  hypotheses: z.array(z.unknown()),
});
