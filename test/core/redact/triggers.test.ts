import { describe, expect, it } from 'vitest';
import { mightHoldSecret, SECRET_PATTERNS } from '../../../source/core/redact/patterns.js';
import { redactText } from '../../../source/core/redact/redact.js';
import { ORDINARY_CASES } from './corpus/ordinary-outputs.js';
import { SECRET_CASES } from './corpus/secret-outputs.js';

// redactText skips text in which no trigger literal appears; that is only sound if every match of
// every pattern holds one. Checked on every match the corpus produces.
describe('secret triggers (the fast path that lets gigabytes of output through)', () => {
  const outputs = [...SECRET_CASES.map((c) => c.output), ...ORDINARY_CASES.map((c) => c.output)];

  it.each(SECRET_PATTERNS.map((p, i) => [`${i}:${p.kind}`, p] as const))('every corpus match of %s contains a trigger', (_name, pattern) => {
    const matches = outputs.flatMap((text) => [...text.matchAll(new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`))].map((m) => m[0]));
    for (const match of matches) expect(mightHoldSecret(match), match).toBe(true);
  });

  it('given text with no trigger, redaction returns it unchanged, and a trigger-free giant costs little', () => {
    const plain = 'x'.repeat(1 << 20);
    expect(mightHoldSecret(plain)).toBe(false);
    const started = performance.now();
    expect(redactText(plain)).toBe(plain);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
