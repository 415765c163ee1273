import { UsageError } from '../core/errors.js';
import { commandTemplate } from '../core/params/template.js';
import { oneLine } from '../core/text/sanitize.js';
import { parseCommandArgs, parseLimit } from './args.js';
import { catalogFor } from './catalog-context.js';
import type { CommandContext } from './registry.js';

export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('search', context.args, {
    json: { type: 'boolean' },
    limit: { type: 'string' },
  });
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('search needs some text, e.g. hunch search "pods stuck Pending"');
  const limit = parseLimit(values.limit, 10);
  const { searcher, testById, hypothesisById } = await catalogFor(context, values.catalog);
  const found = searcher.search(query, { limit });
  const results = found.tests.flatMap((hit) => {
    const test = testById.get(hit.id);
    if (!test) return [];
    return [{
      id: test.id,
      title: test.title,
      component: test.component,
      summary: test.summary,
      explain: test.explain,
      command: commandTemplate(test),
      effect: test.effect,
      score: hit.score,
    }];
  });
  if (values.json) {
    const hypotheses = found.hypotheses.flatMap((hit) => {
      const h = hypothesisById.get(hit.id);
      return h ? [{ id: h.id, statement: h.statement, tests: h.tests, score: hit.score }] : [];
    });
    context.print.json({ query, results, hypotheses });
    return 0;
  }
  if (results.length === 0) {
    context.print.err(`No tests match "${oneLine(query, 60)}". Try another word, a component name (postgres, ingress, dns), or "hunch catalog stats" to see what the catalogue covers.`);
    return 0;
  }
  const idWidth = Math.min(40, Math.max(...results.map((r) => r.id.length)));
  for (const result of results) context.print.out(`${result.id.padEnd(idWidth)}  ${result.component.padEnd(12)} ${result.title}`);
  return 0;
}
