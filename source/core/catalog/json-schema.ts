import { z } from 'zod';
import { componentSchema, hypothesisSchema, testSchema } from './schema.js';

/**
 * JSON Schemas for editors, generated from the zod schemas so they cannot drift (a test compares
 * them with catalog/schema/). The file-level schemas name the item schemas that the loader checks
 * one entry at a time.
 */
export function catalogJsonSchemas(): Record<string, unknown> {
  const file = (name: string, shape: z.ZodRawShape) =>
    z.toJSONSchema(z.strictObject({ $schema: z.string().optional(), ...shape }).meta({ title: name }), { io: 'input', unrepresentable: 'any' });
  return {
    'catalog-file.schema.json': file('hunch catalogue file', { component: z.string(), tests: z.array(testSchema) }),
    'components.schema.json': file('hunch components', { components: z.array(componentSchema) }),
    'hypotheses.schema.json': file('hunch hypotheses', { hypotheses: z.array(hypothesisSchema) }),
  };
}
