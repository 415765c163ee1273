// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/PM/APC/SOS strings, and two-byte escapes.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][\s\S]*?(?:\u0007|\u001b\\)|\u001b[PX^_][\s\S]*?\u001b\\|\u009b[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\u001b/g;
// Every C0 and C1 control character except tab and newline.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Makes text from a command or the cluster safe to draw or export: escape sequences removed, other
 * control characters shown as a visible placeholder, carriage returns dropped so progress bars do
 * not overwrite lines.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '\n')
    .replace(CONTROL, '\ufffd');
}

/** One line for a list or a status bar: sanitized, whitespace collapsed, cut to `width`. */
export function oneLine(text: string, width = Number.POSITIVE_INFINITY): string {
  const line = sanitizeText(text).replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}\u2026` : line;
}
