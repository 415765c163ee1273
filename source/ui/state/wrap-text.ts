/**
 * Text broken into lines of at most `width` characters at spaces; a word longer than a line (a
 * URL, a command) is cut into pieces instead of overflowing.
 */
export function wrapText(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > room) {
        out.push(line);
        line = '';
      }
      let rest = word;
      while (rest.length > room) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(rest.slice(0, room));
        rest = rest.slice(room);
      }
      line = line ? `${line} ${rest}` : rest;
    }
    out.push(line);
  }
  return out;
}
