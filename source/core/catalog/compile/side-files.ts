import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { parseSequenceFile } from '../fast-yaml.js';
import { emptyFile, type Problem } from '../problem.js';
import { componentSchema, componentsFileSchema, hypothesesFileSchema, hypothesisSchema, type Component, type Hypothesis, type SourceLocation } from '../schema.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { zodProblems } from '../zod-problems.js';
import type { CatalogFile, FileFacts } from './types.js';

/** What components.yaml and hypotheses.yaml of every folder hold, with each file's problems and facts. */
export type SideFiles = {
  components: Component[];
  hypotheses: Hypothesis[];
  problems: Map<string, Problem[]>;
  facts: Map<string, FileFacts>;
};

type SideFile = CatalogFile & { kind: 'components' | 'hypotheses' };

/** What a catalogue file holds, by its name: components.yaml and hypotheses.yaml, else tests. */
export function fileKind(name: string): 'tests' | 'components' | 'hypotheses' {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base === 'components.yaml' ? 'components' : base === 'hypotheses.yaml' ? 'hypotheses' : 'tests';
}

/**
 * Reads the components and hypotheses of every folder, in order; a later duplicate id is dropped
 * with a problem. Read before the tests: indexing a test needs its component.
 */
export function loadSideFiles(files: readonly SideFile[]): SideFiles {
  const side: SideFiles = { components: [], hypotheses: [], problems: new Map(), facts: new Map() };
  const seen = { components: new Set<string>(), hypotheses: new Set<string>() };
  for (const entry of files) {
    const problems: Problem[] = [];
    side.problems.set(entry.file, problems);
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.path);
      const stat = statSync(entry.path);
      side.facts.set(entry.file, { digest: createHash('sha1').update(bytes).digest('hex'), size: stat.size, mtimeMs: stat.mtimeMs });
    } catch (error) {
      problems.push({ file: entry.file, line: 1, col: 1, rule: 'FILE', message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    if (entry.kind === 'components') {
      readList(entry.file, bytes, 'components', componentsFileSchema, componentSchema, seen.components, problems, (component) => side.components.push(component));
    } else {
      readList(entry.file, bytes, 'hypotheses', hypothesesFileSchema, hypothesisSchema, seen.hypotheses, problems, (hypothesis, where) => side.hypotheses.push({ ...hypothesis, source: where }));
    }
  }
  return side;
}

/** Validates each entry of a file's list (`key:`), handing on the valid ones with where they sit. */
function readList<K extends 'components' | 'hypotheses', T extends { id: string }>(
  file: string,
  bytes: Buffer,
  key: K,
  fileSchema: z.ZodType<Record<K, unknown[]>>,
  itemSchema: z.ZodType<T>,
  seen: Set<string>,
  problems: Problem[],
  add: (item: T, where: SourceLocation & { path: (string | number)[] }) => void,
): void {
  const parsed = parseSequenceFile(file, bytes, key);
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return;
  }
  if (parsed.value === undefined || parsed.value === null) {
    problems.push(emptyFile(file, `\`${key}:\``));
    return;
  }
  let source: YamlSource | undefined;
  const sourceOf = () => (source ??= parseYamlSource(file, bytes.toString('utf8')).source);
  const fileResult = fileSchema.safeParse(parsed.value);
  if (!fileResult.success) {
    problems.push(...zodProblems(fileResult.error, sourceOf(), []));
    return;
  }
  const list = fileResult.data[key];
  const items = parsed.items?.length === list.length ? parsed.items : undefined;
  const noun = key === 'components' ? 'component' : 'hypothesis';
  list.forEach((raw, index) => {
    const path = [key, index];
    const result = itemSchema.safeParse(raw);
    if (!result.success) {
      problems.push(...zodProblems(result.error, sourceOf(), path));
      return;
    }
    if (seen.has(result.data.id)) {
      problems.push({ ...sourceOf().locate([...path, 'id']), rule: 'ID-DUPLICATE', message: `${noun} id "${result.data.id}" is already used` });
      return;
    }
    seen.add(result.data.id);
    const item = items?.[index];
    add(result.data, { ...(item ? { file, line: item.line, col: item.col } : sourceOf().locate(path)), path });
  });
}
