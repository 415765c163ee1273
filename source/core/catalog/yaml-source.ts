import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problem.js';
import type { SourceLocation } from './schema.js';

/** A parsed YAML file that can say where any path inside it came from. */
export type YamlSource = {
  file: string;
  value: unknown;
  locate(path: readonly PropertyKey[]): SourceLocation;
};

/**
 * Parses YAML, keeping positions. Syntax errors come back as problems, never thrown; the value is
 * undefined when the file cannot be read as YAML at all.
 */
export function parseYamlSource(file: string, text: string): { source: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { file, line: pos.line, col: pos.col, rule: 'YAML', message: firstLine(error.message) };
  });
  const value = problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  const locate = (path: readonly PropertyKey[]): SourceLocation => {
    // A missing key has no node: fall back to the nearest ancestor that exists.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { file, line: pos.line, col: pos.col };
      }
    }
    return { file, line: 1, col: 1 };
  };
  return { source: { file, value, locate }, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
