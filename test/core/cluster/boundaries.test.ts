import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// @kubernetes/client-node costs up to seconds to load: only source/core/cluster may name it, and
// only as a type or through import(), so `hunch search` and the TUI's first frame never load it.
const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(join(root, 'source')).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('who may load the Kubernetes client', () => {
  it('finds the files that use it', () => {
    expect(files.filter((f) => f.text.includes('@kubernetes/client-node')).length).toBeGreaterThan(3);
  });

  it('names it only under source/core/cluster', () => {
    const outside = files.filter((f) => f.text.includes('@kubernetes/client-node') && !f.path.startsWith('source/core/cluster/'));
    expect(outside.map((f) => f.path)).toEqual([]);
  });

  it('loads it only lazily: type imports and import() only', () => {
    const statements = files.flatMap((f) => [...f.text.matchAll(/^(import|export)\b[^;]*?from\s+'@kubernetes\/client-node'/gms)].map((m) => ({ path: f.path, statement: m[0] })));
    expect(statements.length).toBeGreaterThan(3);
    const eager = statements.filter((s) => !/^(import|export)\s+type\b/.test(s.statement));
    expect(eager).toEqual([]);
  });

  it('keeps source/core/cluster free of React and Ink', () => {
    const ui = files.filter((f) => f.path.startsWith('source/core/cluster/') && /from '(react|ink)'/.test(f.text));
    expect(ui.map((f) => f.path)).toEqual([]);
  });
});
