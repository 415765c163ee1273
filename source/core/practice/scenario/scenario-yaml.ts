import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../../catalog/problem.js';
import type { YamlSource } from '../../catalog/yaml-source.js';

/**
 * Parses a scenario file keeping positions, like the catalogue's parser, but with YAML merge keys
 * (`<<: *pod-spec`) on: a scenario repeats pod specs across replicas and its workload templates.
 */
export function parseScenarioYaml(file: string, text: string): { source: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  // After the first syntax error the parser's later complaints are echoes of it: report one.
  const problems: Problem[] = doc.errors.slice(0, 1).map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { file, line: pos.line, col: pos.col, rule: 'YAML', message: error.message.split('\n')[0] ?? error.message };
  });
  const value: unknown = problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 });
  const locate = (path: readonly PropertyKey[]) => {
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
