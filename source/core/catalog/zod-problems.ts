import type { z } from 'zod';
import type { Problem } from './problem.js';
import type { YamlSource } from './yaml-source.js';

/** Turns every zod issue into a located SCHEMA problem; `base` is where the value sits in the file. */
export function zodProblems(error: z.ZodError, source: YamlSource, base: readonly PropertyKey[]): Problem[] {
  return error.issues.map((issue) => {
    const path = [...base, ...issue.path];
    const where = source.locate(path);
    const label = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return { ...where, rule: 'SCHEMA', message: `${label}${message}` };
  });
}
