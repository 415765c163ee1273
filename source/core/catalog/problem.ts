/** One thing wrong in a catalogue file, located so an editor can jump to it. */
export type Problem = {
  file: string;
  line: number;
  col: number;
  rule: string;
  message: string;
};

/** The problem of a file with nothing in it (or only comments): say so, rather than "is required". */
export function emptyFile(file: string, keys: string): Problem {
  return { file, line: 1, col: 1, rule: 'SCHEMA', message: `the file is empty: it needs ${keys}` };
}

/** `file:line:col RULE-ID message`, the format of `hunch catalog lint`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.col} ${problem.rule} ${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule),
  );
}
