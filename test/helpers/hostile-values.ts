import fc from 'fast-check';

/**
 * Values a person, a cluster or a catalogue could hand hunch to make it run something else. Each
 * names `canary`: if any of them ever reaches a shell or an interpreter, the canary file appears.
 */
export function hostilePayloads(canary: string): string[] {
  return [
    `; touch ${canary}`,
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `x | touch ${canary}`,
    `x && touch ${canary}`,
    `x || touch ${canary}`,
    `x\ntouch ${canary}`,
    `x\rtouch ${canary}`,
    `' ; touch ${canary} ; '`,
    `" ; touch ${canary} ; "`,
    `$(IFS=,;touch\${IFS}${canary})`,
    `\${PATH:0:0}$(touch ${canary})`,
    `{{namespace}}$(touch ${canary})`,
    `x > ${canary}`,
    `--output=${canary}`,
    `-o${canary}`,
    `--kubeconfig=/dev/null`,
    '-A',
    '--',
    '\u2010\u2010all-namespaces', // hyphen look-alikes
    '\u2212n kube-system', // minus sign
    `ｔｏｕｃｈ ${canary}`, // fullwidth letters
    `safe\u202e${canary}`, // right-to-left override
    `a\u200bb`, // zero-width space
    `x\u0000y`,
    `\u001b]52;c;${Buffer.from(`touch ${canary}`).toString('base64')}\u0007`,
    `\u001b[2J\u001b[H$(touch ${canary})`,
    `${'A'.repeat(10 * 1024)}$(touch ${canary})`,
    `${'$(touch '.repeat(2000)}${canary}`,
  ];
}

/** Random values biased towards shell syntax, option shapes and odd Unicode, mixed with the payloads. */
export function hostileValue(canary: string): fc.Arbitrary<string> {
  const shellish = fc.constantFrom('$', '(', ')', '`', ';', '|', '&', '>', '<', '\n', "'", '"', '\\', '*', '?', '~', '{', '}', '-', '--', '=', ' ', '\u202e', '\u2010', '\u200b', '\u0085');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostilePayloads(canary)) },
    { weight: 2, arbitrary: fc.array(fc.oneof(shellish, fc.constantFrom(`touch ${canary}`, 'default', 'app', '1')), { maxLength: 12 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/) },
  );
}
