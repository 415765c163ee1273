/**
 * Outside a UTF-8 locale the terminal cannot draw what is not ASCII. The theme already picks ASCII
 * symbols; this last pass over what Ink writes catches every other glyph (arrows in the hints,
 * "1–N of M", Ink's own "…" when it cuts a line, text from the cluster) so nothing arrives as
 * mojibake. Each character becomes characters of the same width, so Ink's layout still holds.
 */

const NARROW: Record<string, string> = {
  '–': '-',
  '—': '-',
  '…': '.',
  '·': '-',
  '•': '*',
  '●': '*',
  '◉': '*',
  '○': 'o',
  '›': '>',
  '‹': '<',
  '→': '>',
  '←': '<',
  '↑': '^',
  '↓': 'v',
  '⏎': '<',
  '✔': 'v',
  '✖': 'x',
  '×': 'x',
  '⏹': '#',
  '⚠': '!',
  '≤': '<',
  '≥': '>',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '│': '|',
  '┃': '|',
  '─': '-',
  '━': '-',
  '╭': '+',
  '╮': '+',
  '╰': '+',
  '╯': '+',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
};

// Characters a terminal draws two columns wide (East Asian wide and emoji): two ASCII characters.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
// Combining marks and zero-width characters take no column: they are dropped.
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\u2060\ufe00-\ufe0f]/u;

/** The text with every non-ASCII character replaced by ASCII of the same width (escapes untouched). */
export function toAscii(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\u0000-\u007f]/gu, (char) => NARROW[char] ?? (ZERO_WIDTH.test(char) ? '' : WIDE.test(char) ? '??' : '?'));
}

/** Makes every string written to `stream` ASCII until the returned function is called. */
export function writeAsciiOnly(stream: NodeJS.WriteStream): () => void {
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    return (original as (...args: unknown[]) => boolean).call(this, typeof chunk === 'string' ? toAscii(chunk) : chunk, ...rest);
  } as typeof stream.write;
  return () => {
    stream.write = original;
  };
}
