import { UsageError } from '../core/errors.js';
import { isRequired, paramsFor } from '../core/params/render.js';
import { commandTemplate } from '../core/params/template.js';
import { parseCommandArgs } from './args.js';
import { catalogFor } from './catalog-context.js';
import { suggestIds } from './suggest-ids.js';
import type { CommandContext } from './registry.js';

export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('show', context.args, { json: { type: 'boolean' } });
  const id = positionals[0];
  if (!id) throw new UsageError('show needs a test id, e.g. hunch show pod-not-running');
  const { testById } = await catalogFor(context, values.catalog);
  const test = testById.get(id);
  if (!test) throw new UsageError(`no test with id "${id}"`, suggestIds(id, [...testById.keys()]));
  if (values.json) {
    const { source, ...rest } = test;
    context.print.json({ ...rest, source: `${source.file}:${source.line}`, commandDisplay: commandTemplate(test) });
    return 0;
  }
  const params = paramsFor(test);
  const lines = [
    `${test.title}  (${test.id})`,
    `component: ${test.component}   effect: ${test.effect}   target: ${test.target}   timeout: ${test.timeout}`,
    '',
    test.summary,
    '',
    test.explain,
    '',
    'Command:',
    `  ${commandTemplate(test)}`,
    '',
    'Parameters:',
    ...(params.length === 0
      ? ['  none']
      : params.map((p) => `  ${p.name.padEnd(14)} ${p.type.padEnd(14)} ${isRequired(p) ? 'required' : `optional${p.default !== undefined ? `, default ${p.default}` : ''}`}${p.description ? ` — ${p.description}` : ''}`)),
    '',
    `Requires: ${[...test.requires.tools, ...test.requires.access.map((a) => `${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''}`)].join(', ') || 'nothing'}`,
    `Symptoms: ${test.symptoms.join('; ')}`,
    ...(test.next.length > 0 ? [`Next: ${test.next.join(', ')}`] : []),
    ...(test.docs.length > 0 ? ['Docs:', ...test.docs.map((d) => `  ${d}`)] : []),
    `Defined at ${test.source.file}:${test.source.line}`,
  ];
  context.print.out(lines.join('\n'));
  return 0;
}
