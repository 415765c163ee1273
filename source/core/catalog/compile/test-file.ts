import { parseWholeFile, streamSequenceFile } from '../fast-yaml.js';
import { emptyFile, type Problem } from '../problem.js';
import { catalogFileSchema, testSchema, type CatalogTest, type SourceLocation } from '../schema.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { zodProblems } from '../zod-problems.js';
import type { TestEntry } from './types.js';

/** Finds where a path inside the file being compiled sits. */
export type Locate = (path: readonly PropertyKey[]) => SourceLocation;

/**
 * Validates every test of one file, handing each valid one to `accept` with where it sits; the
 * rest become problems at file:line:col. Duplicate ids are the caller's business: they span files.
 */
export function compileTestFile(file: string, bytes: Buffer, problems: Problem[], accept: (test: CatalogTest, span: TestEntry['span'], locate: Locate) => void): void {
  let source: YamlSource | undefined;
  const sourceOf = () => (source ??= parseYamlSource(file, bytes.toString('utf8')).source);
  const locate: Locate = (at) => sourceOf().locate(at);
  const stream = streamSequenceFile(file, bytes, 'tests');
  // Item by item: each test is parsed, validated and handed on before the next is read.
  if (stream) {
    const head = catalogFileSchema.safeParse(stream.head);
    if (!head.success) {
      problems.push(...zodProblems(head.error, sourceOf(), []));
      return;
    }
    stream.items.forEach((item, index) => {
      const parsed = stream.item(index);
      if ('problem' in parsed) {
        problems.push(parsed.problem);
        return;
      }
      const test = validateTest(parsed.value, index, head.data.component, { file, line: item.line, col: item.col }, sourceOf, problems);
      if (test) accept(test, { start: item.start, end: item.end, item: index }, locate);
    });
    return;
  }
  const parsed = parseWholeFile(file, bytes, 'tests');
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return;
  }
  if (parsed.value === undefined || parsed.value === null) {
    problems.push(emptyFile(file, '`component:` and `tests:`'));
    return;
  }
  const fileResult = catalogFileSchema.safeParse(parsed.value);
  if (!fileResult.success) {
    problems.push(...zodProblems(fileResult.error, sourceOf(), []));
    return;
  }
  const { component, tests } = fileResult.data;
  const items = parsed.items?.length === tests.length ? parsed.items : undefined;
  tests.forEach((raw, index) => {
    const item = items?.[index];
    const where = item ? { file, line: item.line, col: item.col } : undefined;
    const test = validateTest(raw, index, component, where, sourceOf, problems);
    if (test) accept(test, { start: -1, end: -1, item: index }, locate);
  });
}

/** One test's value checked against the schema: the test, or its problems at file:line:col. */
function validateTest(raw: unknown, index: number, component: string, where: SourceLocation | undefined, sourceOf: () => YamlSource, problems: Problem[]): CatalogTest | undefined {
  const path = ['tests', index];
  const result = testSchema.safeParse(raw);
  if (!result.success) {
    problems.push(...zodProblems(result.error, sourceOf(), path));
    return undefined;
  }
  return { ...result.data, component: result.data.component ?? component, source: { ...(where ?? sourceOf().locate(path)), path } };
}
