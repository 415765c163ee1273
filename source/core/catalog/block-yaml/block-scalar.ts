import { DASH, HASH, PIPE, PLUS, SPACE, TAB } from '../char-codes.js';
import { giveUp, type Read, type YamlText } from './text.js';

/** A literal (`|`) or folded (`>`) block scalar whose header is at `at`, its parent at column `indent`. */
export function readBlockScalar(src: YamlText, at: number, indent: number): Read {
  const text = src.text;
  const literal = text.charCodeAt(at) === PIPE;
  let p = at + 1;
  // The header: chomping (- strips the final line break, + keeps every trailing one) and an
  // indentation digit, in either order.
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  let textIndent = -1;
  for (let i = 0; i < 2; i++) {
    const c = text.charCodeAt(p);
    if (c === DASH || c === PLUS) {
      if (chomp !== 'clip') giveUp();
      chomp = c === DASH ? 'strip' : 'keep';
      p++;
    } else if (c >= 49 && c <= 57) {
      if (textIndent !== -1 || indent < 0) giveUp();
      textIndent = indent + (c - 48);
      p++;
    }
  }
  const eol = src.lineEnd(p);
  while (text.charCodeAt(p) === SPACE) p++;
  if (p < eol && !(text.charCodeAt(p) === HASH && text.charCodeAt(p - 1) === SPACE)) giveUp();

  // Its indentation (unless the header gave it) is that of its first non-empty line; it ends
  // at a line less indented.
  // Pieces joined once at the end: one flat string, where += would leave a chain of pieces that
  // every later reader (the index scans each character) has to flatten or walk first.
  const pieces: string[] = [];
  let next = eol >= text.length ? text.length : eol + 1;
  let empty = 0;
  let started = false;
  let moreIndented = false;
  let widestBlank = 0;
  while (next < text.length) {
    const lineIndent = src.indentOf(next);
    const content = next + lineIndent;
    const end = src.lineEnd(next);
    // Empty, or spaces only. Spaces past the scalar's indentation are content (below); before
    // the indentation is known they would set it.
    if (content === end && (textIndent === -1 || lineIndent <= textIndent)) {
      if (textIndent === -1) widestBlank = Math.max(widestBlank, lineIndent);
      empty++;
      next = end >= text.length ? text.length : end + 1;
      continue;
    }
    if (textIndent === -1) {
      if (lineIndent <= indent) break;
      // js-yaml takes the widest leading blank line as the indentation; a first line less
      // indented than that would end the scalar at once.
      if (widestBlank > lineIndent) giveUp();
      textIndent = lineIndent;
    } else if (lineIndent < textIndent) {
      break;
    }
    if (literal) {
      pieces.push('\n'.repeat(started ? 1 + empty : empty));
    } else if (lineIndent > textIndent || text.charCodeAt(next + textIndent) === TAB) {
      // A more-indented line (or one starting with a tab) keeps its line breaks.
      moreIndented = true;
      pieces.push('\n'.repeat(started ? 1 + empty : empty));
    } else if (moreIndented) {
      moreIndented = false;
      pieces.push('\n'.repeat(empty + 1));
    } else if (empty === 0) {
      if (started) pieces.push(' ');
    } else {
      pieces.push('\n'.repeat(empty));
    }
    pieces.push(text.slice(next + textIndent, end));
    started = true;
    empty = 0;
    next = end >= text.length ? text.length : end + 1;
  }
  if (chomp === 'keep') pieces.push('\n'.repeat(started ? 1 + empty : empty));
  else if (chomp === 'clip' && started) pieces.push('\n');
  return { value: pieces.join(''), next };
}
