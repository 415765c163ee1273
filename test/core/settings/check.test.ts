import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_CHECKS } from '../../../source/core/settings/check.js';
import { SETTINGS_KEY_NAMES, type SettingsKey } from '../../../source/core/settings/defaults.js';
import { SETTINGS_SCHEMAS } from '../../../source/core/settings/schema.js';

// Values shaped like each setting, right and wrong, so the property explores the edges.
const text = fc.oneof(fc.constantFrom('', 'prod', '(', '[a-', '~/x', 'md', 'jira', 'json', 'pdf'), fc.string());
const near: Record<SettingsKey, fc.Arbitrary<unknown>> = {
  catalogDirs: fc.oneof(fc.array(text), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
  productionContextPattern: fc.oneof(text, fc.jsonValue()),
  export: fc.oneof(fc.record({ format: fc.oneof(text, fc.jsonValue()), directory: fc.oneof(text, fc.constant(null), fc.jsonValue()) }), fc.jsonValue()),
  recentNamespaces: fc.oneof(
    fc.array(fc.record({ namespace: fc.oneof(text, fc.jsonValue()), context: fc.oneof(text, fc.constant(null), fc.integer()), at: fc.oneof(text, fc.integer()) }), { maxLength: 3 }),
    fc.jsonValue(),
  ),
};

describe('the hand-written settings checks', () => {
  it.each(SETTINGS_KEY_NAMES.map((key) => [key]))('%s accepts exactly what its zod schema accepts', (key) => {
    fc.assert(
      fc.property(near[key], (value) => {
        expect(SETTINGS_CHECKS[key](value) === undefined).toBe(SETTINGS_SCHEMAS[key].safeParse(value).success);
      }),
      { numRuns: 400 },
    );
  });
});
