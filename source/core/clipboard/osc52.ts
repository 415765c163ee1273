/**
 * Terminals cap what one OSC 52 sequence may carry (xterm and many others around 100 kB of
 * base64); past that the copy silently does nothing, so hunch refuses instead.
 */
export const OSC52_MAX_BASE64 = 100_000;

export type Multiplexer = 'tmux' | 'screen' | undefined;

/** Which terminal multiplexer sits between hunch and the terminal, from the environment. */
export function multiplexerOf(env: NodeJS.ProcessEnv): Multiplexer {
  if (env.TMUX) return 'tmux';
  if (env.STY || (env.TERM ?? '').startsWith('screen')) return 'screen';
  return undefined;
}

/**
 * The escape sequence that asks the terminal to put `text` on the system clipboard. Works over
 * SSH because the terminal, not the remote machine, does the copying. tmux understands OSC 52
 * itself and forwards it with `set -g set-clipboard on` (its documented way; the DCS passthrough
 * needs allow-passthrough, off by default since tmux 3.3). screen needs its DCS passthrough.
 */
export function osc52Sequence(text: string, multiplexer: Multiplexer = undefined): string {
  const payload = Buffer.from(text, 'utf8').toString('base64');
  const osc = `\u001b]52;c;${payload}\u0007`;
  switch (multiplexer) {
    case 'tmux':
      return osc;
    case 'screen':
      // screen limits a DCS string to about 768 bytes: send the sequence in pieces.
      return chunk(osc, 760)
        .map((piece) => `\u001bP${piece}\u001b\\`)
        .join('');
    case undefined:
      return osc;
  }
}

export function osc52PayloadSize(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3) * 4;
}

function chunk(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
