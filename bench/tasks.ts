// In-process measurements, bundled and run in a fresh process per figure by bench/run.mjs.
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { openCatalog } from '../source/core/catalog/open-catalog.js';
import { loadCatalog } from '../source/core/catalog/load.js';
import { builtinCatalogDir } from '../source/core/catalog/locations.js';
import { buildSearchIndex } from '../source/core/search/build-index.js';
import { CatalogSearcher } from '../source/core/search/search.js';
import { syntheticTests, writeSyntheticCatalog } from './synthetic.js';

const [task, ...args] = process.argv.slice(2);
const arg = (name: string) => args[args.indexOf(`--${name}`) + 1] as string;
const print = (value: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ ...value, maxRssKb: process.resourceUsage().maxRSS })}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

switch (task) {
  case 'make-synthetic': {
    const base = loadCatalog([builtinCatalogDir()]).tests;
    writeSyntheticCatalog(arg('dir'), syntheticTests(base, Number(arg('count'))));
    print({ written: Number(arg('count')) });
    break;
  }
  case 'load': {
    // HUNCH_CATALOG_DIR and HUNCH_HOME (the cache) are set by the caller.
    const started = performance.now();
    const opened = await openCatalog();
    const ms = performance.now() - started;
    print({ ms, tests: opened.testById.size, fromCache: opened.fromCache });
    break;
  }
  case 'search-compare': {
    const catalog = loadCatalog([arg('dir')]);
    // Components and hypotheses come from the shipped catalogue, as they would in real use.
    const shipped = loadCatalog([builtinCatalogDir()]);
    const queries = JSON.parse(readFileSync(arg('queries'), 'utf8')) as string[];
    let started = performance.now();
    const naive = new Fuse(
      catalog.tests.map((t) => ({ id: t.id, title: t.title, symptoms: t.symptoms, tags: t.tags, component: t.component, summary: t.summary, command: JSON.stringify(t.command ?? t.script) })),
      { keys: ['title', 'symptoms', 'tags', 'component', 'summary', 'command'], ignoreLocation: true, includeScore: true },
    );
    const naiveBuildMs = performance.now() - started;
    started = performance.now();
    const searcher = new CatalogSearcher(buildSearchIndex(catalog.tests, shipped.components, shipped.hypotheses));
    const hunchBuildMs = performance.now() - started;
    const time = (run: (q: string) => unknown, rounds: number, list: string[]) => {
      const samples: number[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const query of list) {
          const t0 = performance.now();
          run(query);
          samples.push(performance.now() - t0);
        }
      }
      return { median: percentile(samples, 50), p95: percentile(samples, 95), queries: samples.length };
    };
    // Warm both up once so neither pays for lazy initialisation inside the timed loop.
    naive.search(queries[0] ?? 'x', { limit: 10 });
    searcher.search(queries[0] ?? 'x', { limit: 10 });
    // The naive configuration takes seconds per query at 10,000 tests: time it on the first ten
    // queries once, which is plenty to place it; hunch gets every query five times.
    const naiveQueries = catalog.tests.length > 5000 ? queries.slice(0, 10) : queries;
    print({
      tests: catalog.tests.length,
      naive: { buildMs: naiveBuildMs, ...time((q) => naive.search(q, { limit: 10 }), 1, naiveQueries) },
      hunch: { buildMs: hunchBuildMs, ...time((q) => searcher.search(q, { limit: 10 }), 5, queries) },
    });
    break;
  }
  default:
    process.stderr.write(`unknown bench task ${task}\n`);
    process.exit(2);
}
