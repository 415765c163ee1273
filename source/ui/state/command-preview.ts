import type { CatalogTest } from '../../core/catalog/schema.js';
import { quoteArg } from '../../core/params/shell-quote.js';

export type PreviewSegment = { text: string; param?: string };

/**
 * The command as it will run, with values chosen so far filled in and the remaining parameters
 * shown as <name>, split into segments so the view can highlight the parameter being chosen.
 */
export function commandPreview(test: CatalogTest, values: Readonly<Record<string, string>>, target = test.target): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  const push = (text: string, param?: string) => segments.push(param ? { text, param } : { text });
  if (target === 'pod') {
    push('kubectl exec -n ');
    push(values.namespace ? quoteArg(values.namespace) : '<namespace>', 'namespace');
    push(' ');
    push(values.pod ? quoteArg(values.pod) : '<pod>', 'pod');
    if (values.container) {
      push(' -c ');
      push(quoteArg(values.container), 'container');
    }
    push(' -- ');
  }
  if (test.script !== undefined) {
    const names = test.params.map((p) => p.name);
    names.forEach((name) => {
      push(`${name.toUpperCase()}=`);
      push(values[name] ? quoteArg(values[name]) : `<${name}>`, name);
      push(' ');
    });
    push(`${target === 'pod' ? 'sh' : 'bash'} -c '…script…'`);
    return segments;
  }
  const parts = test.command ?? [];
  parts.forEach((part, index) => {
    if (index > 0) push(' ');
    const elements = typeof part === 'string' ? [part] : part.args;
    if (typeof part !== 'string') push('[');
    elements.forEach((element, j) => {
      if (j > 0) push(' ');
      const pieces = element.split(/(\{\{\s*[a-z][a-z0-9_]*\s*\}\})/);
      for (const piece of pieces) {
        const name = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(piece)?.[1];
        if (name) push(values[name] ?? `<${name}>`, name);
        else if (piece) push(pieces.length === 1 ? quoteArg(piece) : piece);
      }
    });
    if (typeof part !== 'string') push(']');
  });
  return segments;
}
