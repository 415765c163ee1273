import { compileFastCheck, FAIL, type FastCheck } from './fast-validate.js';
import { testSchema, type ParsedTest } from './schema.js';

let fast: FastCheck | undefined | null = null;

/**
 * A test's raw value checked against the schema: testSchema.safeParse, with the fast path of
 * fast-validate.ts tried first (the same value for a valid test; zod for everything else).
 */
export function parseTest(raw: unknown): ReturnType<typeof testSchema.safeParse> {
  if (fast === null) fast = compileFastCheck(testSchema);
  const out = fast ? fast(raw) : FAIL;
  if (out !== FAIL) return { success: true, data: out as ParsedTest };
  return testSchema.safeParse(raw);
}
