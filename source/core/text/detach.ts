/**
 * A copy of a string that does not keep the text it was cut from alive. V8 represents a slice
 * of 13 characters or more as a view into its parent, so keeping a test's id, parsed out of the
 * YAML of the whole test, would keep those kilobytes too: ten thousand tests, 80 MB of heap.
 * Prepending a character makes V8 build a fresh string; slicing it off again views that instead.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
