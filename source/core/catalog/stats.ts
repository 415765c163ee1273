import type { Catalog } from './load.js';

export type CatalogStats = {
  tests: number;
  components: number;
  hypotheses: number;
  problems: number;
  byComponent: Record<string, number>;
  byEffect: Record<string, number>;
  byTarget: Record<string, number>;
  byTool: Record<string, number>;
  componentsWithoutTests: string[];
};

function countBy<T>(items: readonly T[], keys: (item: T) => string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const key of keys(item)) counts[key] = (counts[key] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export function catalogStats(catalog: Catalog): CatalogStats {
  const byComponent = countBy(catalog.tests, (t) => [t.component]);
  return {
    tests: catalog.tests.length,
    components: catalog.components.length,
    hypotheses: catalog.hypotheses.length,
    problems: catalog.problems.length,
    byComponent,
    byEffect: countBy(catalog.tests, (t) => [t.effect]),
    byTarget: countBy(catalog.tests, (t) => [t.target]),
    byTool: countBy(catalog.tests, (t) => t.requires.tools),
    componentsWithoutTests: catalog.components.filter((c) => !byComponent[c.id]).map((c) => c.id),
  };
}

export function formatStats(stats: CatalogStats): string {
  const table = (title: string, counts: Record<string, number>) => {
    const width = Math.max(8, ...Object.keys(counts).map((k) => k.length));
    return [`${title}:`, ...Object.entries(counts).map(([k, v]) => `  ${k.padEnd(width)} ${String(v).padStart(5)}`)].join('\n');
  };
  return [
    `tests ${stats.tests}   components ${stats.components}   hypotheses ${stats.hypotheses}   problems ${stats.problems}`,
    '',
    table('by component', stats.byComponent),
    '',
    table('by effect', stats.byEffect),
    '',
    table('by target', stats.byTarget),
    '',
    table('by required tool', stats.byTool),
    ...(stats.componentsWithoutTests.length > 0 ? ['', `components without tests: ${stats.componentsWithoutTests.join(', ')}`] : []),
  ].join('\n');
}
