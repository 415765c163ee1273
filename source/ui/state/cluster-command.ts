import type { ClusterSwitch } from '../services.js';

/** `:ctx NAME`, `:ctx`, `:ns NAME`, `:ns` (also `:context`, `:namespace`); anything else is a hypothesis. */
export function parseClusterCommand(text: string): ClusterSwitch | undefined {
  const match = /^:(ctx|context|ns|namespace)(?:\s+(\S+))?\s*$/.exec(text.trim());
  if (!match) return undefined;
  const kind = match[1] === 'ctx' || match[1] === 'context' ? 'context' : 'namespace';
  return match[2] ? { kind, name: match[2] } : { kind };
}
