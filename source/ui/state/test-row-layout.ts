/** The columns of the tests list at a width: one line per test when the title has room, else two. */
export type TestRowLayout = { twoLine: boolean; prefixWidth: number; titleWidth: number; componentWidth: number };

const MIN_TITLE = 30;
const MAX_COMPONENT = 16;

/**
 * Columns sized from what is on screen: the component column as wide as the longest component
 * shown (capped), the marks as wide as the longest marks shown, the title the rest. When that leaves the
 * title less than ~30 characters (a 60- or 80-column terminal, a long component such as
 * ingress-nginx), each test takes two lines: the title, then its component and marks.
 */
export function testRowLayout(width: number, rows: readonly { title: string; component: string; marks: string }[], selectedMarkWidth: number): TestRowLayout {
  // Cursor, space, the selection mark, space.
  const prefixWidth = 1 + 1 + selectedMarkWidth + 1;
  const componentWidth = Math.min(MAX_COMPONENT, Math.max(4, ...rows.map((r) => r.component.length)));
  const marksWidth = Math.max(0, ...rows.map((r) => r.marks.length));
  const titleWidth = width - prefixWidth - 2 - componentWidth - 2 - marksWidth;
  // A wide terminal does not push the component column further than the longest title needs.
  const longest = Math.max(MIN_TITLE, ...rows.map((r) => r.title.length));
  if (titleWidth >= MIN_TITLE) return { twoLine: false, prefixWidth, titleWidth: Math.min(titleWidth, longest), componentWidth };
  return { twoLine: true, prefixWidth, titleWidth: Math.max(8, width - prefixWidth), componentWidth };
}

/** A component name cut to its column, marked when cut. */
export function fitComponent(component: string, width: number): string {
  return component.length > width ? `${component.slice(0, width - 1)}…` : component.padEnd(width);
}
