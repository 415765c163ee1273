import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, sanitizeText } from '../../../source/core/text/sanitize.js';

// What a terminal would act on: ESC, the C1 introducers, BEL, and the bidi reordering controls.
const ACTIONABLE = /[\u001b\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/;

describe('sanitizeText: output and cluster names are drawn as text, never as terminal commands', () => {
  it('removes CSI, OSC (clipboard, title, hyperlink), DCS and two-byte escapes, keeping the text around them', () => {
    const hostile = 'a\u001b[2J\u001b[Hb\u001b]52;c;dG91Y2g=\u0007c\u001b]0;title\u001b\\d\u001bPq#0;2;0;0;0\u001b\\e\u001b7f\u009b31mg';
    expect(sanitizeText(hostile)).toBe('abcdefg');
  });

  it('shows other control characters and text-direction overrides as a visible placeholder', () => {
    expect(sanitizeText('pod\u0000name\u0008')).toBe('pod\ufffdname\ufffd');
    expect(sanitizeText('evil\u202etxt.exe')).toBe('evil\ufffdtxt.exe');
    expect(sanitizeText('a\u2066b\u2069c')).toBe('a\ufffdb\ufffdc');
  });

  it('turns carriage returns into line breaks, so a progress bar cannot overwrite a line', () => {
    expect(sanitizeText('10%\r50%\r\n')).toBe('10%\n50%\n');
  });

  it('given random bytes with escape sequences mixed in, leaves nothing a terminal would act on', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\u001b[', '\u001b]', '\u001bP', '\u0007', '\u009b', '\u009d', '\u001b\\', '\u202e'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(sanitizeText(pieces.join(''))).not.toMatch(ACTIONABLE);
      }),
      { numRuns: 2000 },
    );
  });

  it('given an escape sequence cut between two chunks, neither half acts on the terminal', () => {
    const whole = 'x\u001b]52;c;aGk=\u0007y';
    for (let cut = 0; cut <= whole.length; cut++) {
      expect(sanitizeText(whole.slice(0, cut)) + sanitizeText(whole.slice(cut))).not.toMatch(ACTIONABLE);
    }
  });

  it('given hostile output full of unterminated sequence openers, stays linear (a fraction of a second for 600 KB)', () => {
    for (const opener of ['\u001b]', '\u001bP', '\u001b[']) {
      const started = performance.now();
      sanitizeText(opener.repeat(300_000));
      expect(performance.now() - started, JSON.stringify(opener)).toBeLessThan(500);
    }
  });

  it('oneLine collapses a cluster name with newlines and escapes into one safe line', () => {
    expect(oneLine('web-1\n\u001b[31mFAKE: all healthy\u001b[0m', 20)).toBe('web-1 FAKE: all hea\u2026');
  });
});
