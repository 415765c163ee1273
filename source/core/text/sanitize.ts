// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/PM/APC/SOS strings, and the short escapes
// (ESC 7, ESC c, ESC ( B …).
// String bodies stop at the next ESC, so hostile output full of unterminated openers costs linear
// time; an unterminated opener loses its ESC and the rest shows as plain text.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u009b[0-?]*[ -/]*[@-~]|\u001b[ -/]*[0-~]|\u001b/g;
// Every C0 and C1 control character except tab and newline.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates, and the line and paragraph separators: they reorder or
// break what a terminal draws, so a name or a line could show something other than what it holds.
const REORDERING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * Makes text from a command or the cluster safe to draw or export: escape sequences removed, other
 * control characters and text-direction overrides shown as a visible placeholder, carriage returns
 * turned into line breaks so progress bars do not overwrite lines.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '\n')
    .replace(CONTROL, '\ufffd')
    .replace(REORDERING, '\ufffd');
}

/** One line for a list or a status bar: sanitized, whitespace collapsed, cut to `width`. */
export function oneLine(text: string, width = Number.POSITIVE_INFINITY): string {
  const line = sanitizeText(text).replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}\u2026` : line;
}
