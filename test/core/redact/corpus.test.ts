import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTION_MARKER_PATTERN, redactText } from '../../../source/core/redact/redact.js';
import { StreamRedactor } from '../../../source/core/redact/stream-redactor.js';
import { ORDINARY_CASES } from './corpus/ordinary-outputs.js';
import { SECRET_CASES } from './corpus/secret-outputs.js';

/** Feeds `text` to a fresh stream redactor cut at the given offsets. */
function streamed(text: string, cuts: number[]): string {
  const redactor = new StreamRedactor();
  const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const at of [...points, text.length]) {
    out += redactor.push(text.slice(from, at));
    from = at;
  }
  return out + redactor.end();
}

const distinctSecrets = new Set(SECRET_CASES.flatMap((c) => c.secrets));

describe('redaction corpus: secrets in realistic output', () => {
  it(`holds at least 40 distinct secrets (has ${distinctSecrets.size})`, () => {
    expect(distinctSecrets.size).toBeGreaterThanOrEqual(40);
  });

  it.each(SECRET_CASES.map((c) => [c.id, c] as const))('%s: no secret survives and the marker names its kind', (_id, testCase) => {
    const redacted = redactText(testCase.output);
    for (const secret of testCase.secrets) expect(redacted, secret).not.toContain(secret);
    for (const kind of testCase.kinds) expect(redacted).toContain(`[REDACTED:${kind}]`);
    expect(redactText(redacted), 'redacting twice changes nothing').toBe(redacted);
  });

  it.each(SECRET_CASES.map((c) => [c.id, c] as const))('%s: streamed in chunks cut anywhere, no secret survives', (_id, testCase) => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: testCase.output.length }), { maxLength: 12 }), (cuts) => {
        const out = streamed(testCase.output, cuts);
        for (const secret of testCase.secrets) expect(out).not.toContain(secret);
        expect(out).toBe(redactText(testCase.output));
      }),
      { numRuns: 40 },
    );
  });

  it('streamed one character at a time, every case still comes out whole and redacted', () => {
    for (const testCase of SECRET_CASES) {
      const everyChar = Array.from({ length: testCase.output.length }, (_, i) => i);
      expect(streamed(testCase.output, everyChar), testCase.id).toBe(redactText(testCase.output));
    }
  });
});

describe('redaction corpus: ordinary output', () => {
  it.each(ORDINARY_CASES.map((c) => [c.id, c] as const))('%s: nothing is redacted', (_id, testCase) => {
    expect(redactText(testCase.output)).toBe(testCase.output);
    expect(streamed(testCase.output, [3, 50, 51, 400])).toBe(testCase.output);
  });
});

describe('stream redactor', () => {
  it('holds a private key split over chunks until its END line, then releases one marker', () => {
    const redactor = new StreamRedactor();
    expect(redactor.push('before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJ')).toBe('before\n');
    expect(redactor.holding).toBe(true);
    expect(redactor.push('cds3xfn/ygWyF8PbnGy0AHB7\n-----END RSA PRI')).toBe('');
    expect(redactor.push('VATE KEY-----\nafter\n')).toBe('[REDACTED:private-key]\nafter\n');
    expect(redactor.end()).toBe('');
  });

  it('redacts a key whose END never comes (output cut off) when the stream ends', () => {
    const redactor = new StreamRedactor();
    const shown = redactor.push('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5\n') + redactor.end();
    expect(shown).not.toContain('MHcCAQEE');
    expect(shown).toContain('[REDACTED:private-key]');
  });

  it('holds a data block until the kind after it shows whether it is a Secret', () => {
    const redactor = new StreamRedactor();
    expect(redactor.push('apiVersion: v1\ndata:\n  username: YWRtaW4=\n')).toBe('apiVersion: v1\n');
    expect(redactor.push('kind: Secret\nmetadata:\n  name: x\n')).toBe('data:\n  username: [REDACTED:secret-data]\nkind: Secret\nmetadata:\n  name: x\n');
    expect(redactor.end()).toBe('');
  });

  it('releases a ConfigMap data block unchanged once its kind is known', () => {
    const redactor = new StreamRedactor();
    const out = redactor.push('data:\n  LOG_LEVEL: debug\nkind: ConfigMap\n') + redactor.end();
    expect(out).toBe('data:\n  LOG_LEVEL: debug\nkind: ConfigMap\n');
  });

  it('releases a very long line without a newline so memory stays bounded', () => {
    const redactor = new StreamRedactor();
    const long = 'x'.repeat(20_000);
    expect(redactor.push(long)).toBe(long);
  });

  it('keeps an env value on the line after its secret name', () => {
    const redactor = new StreamRedactor();
    const out = redactor.push('    - name: DB_PASSWORD\n') + redactor.push('      value: hunter2-literal\n') + redactor.end();
    expect(out).toBe('    - name: DB_PASSWORD\n      value: [REDACTED:password]\n');
  });
});

describe('marker pattern', () => {
  it('counts the markers of a redacted text', () => {
    const redacted = redactText('password=a1b2c3 token: zz9yy8xx7');
    expect(redacted.match(REDACTION_MARKER_PATTERN)).toEqual(['[REDACTED:password]', '[REDACTED:token]']);
  });
});
