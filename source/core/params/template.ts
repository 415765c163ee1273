import type { CatalogTest } from '../catalog/schema.js';
import { quoteArg } from './shell-quote.js';

/**
 * The command as a person reads it before any value is chosen: `<param>` for each placeholder and
 * `[-c <container>]` for optional groups. Scripts show their text.
 */
export function commandTemplate(test: CatalogTest): string {
  const prefix = test.target === 'pod' ? 'kubectl exec -n <namespace> <pod> -- ' : '';
  if (test.script !== undefined) return `${prefix}${test.target === 'pod' ? 'sh' : 'bash'} -c ${quoteArg(test.script.trim())}`;
  const parts = (test.command ?? []).map((part) =>
    typeof part === 'string' ? templateArg(part) : `[${part.args.map(templateArg).join(' ')}]`,
  );
  return `${prefix}${parts.join(' ')}`;
}

function templateArg(arg: string): string {
  const shown = arg.replace(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g, '<$1>');
  return shown === arg ? quoteArg(arg) : /[\s'"$`\\|&;()]/.test(shown) ? `'${shown.replace(/'/g, `'\\''`)}'` : shown;
}
