import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain build-script module without types
import { inkBoundedCaches } from '../../scripts/ink-bounded-caches.mjs';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const MB = 1024 * 1024;

/**
 * Ink's measureText and wrapText memoise every text they ever see (vadimdemedes/ink#986); the run
 * screen feeds them new lines for as long as a test prints. Bundled the way hunch is built, then
 * fed 20,000 distinct lines, how much do they keep alive?
 */
async function retainedByInkCaches(withPatch: boolean): Promise<number> {
  const dir = tempDir({}, 'hunch-ink-caches-');
  const entry = join(dir, 'entry.mjs');
  writeFileSync(
    entry,
    `import measureText from ${JSON.stringify(join(ROOT, 'node_modules/ink/build/measure-text.js'))};
import wrapText from ${JSON.stringify(join(ROOT, 'node_modules/ink/build/wrap-text.js'))};
globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 20000; i++) {
  const line = 'runaway line ' + i + ' ' + 'x'.repeat(300);
  measureText(line);
  measureText(wrapText(line, 120, 'truncate-end'));
}
globalThis.gc();
console.log(process.memoryUsage().heapUsed - before);
`,
  );
  const bundle = join(dir, 'bundle.mjs');
  await build({ entryPoints: [entry], outfile: bundle, bundle: true, format: 'esm', platform: 'node', plugins: withPatch ? [inkBoundedCaches] : [], logLevel: 'silent' });
  const { stdout } = await execa('node', ['--expose-gc', bundle]);
  return Number(stdout.trim());
}

describe("Ink's text caches in hunch's build", () => {
  it('given 20,000 distinct lines, the patched caches keep a bounded few MB while the unpatched ones keep them all', async () => {
    const [unpatched, patched] = await Promise.all([retainedByInkCaches(false), retainedByInkCaches(true)]);
    console.info(`Ink text caches after 20,000 distinct lines: ${(unpatched / MB).toFixed(1)} MB unpatched, ${(patched / MB).toFixed(1)} MB as built`);
    expect(unpatched).toBeGreaterThan(12 * MB);
    expect(patched).toBeLessThan(8 * MB);
  }, 60_000);

  it('the build applies the patch', () => {
    expect(readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8')).toMatch(/plugins:\s*\[[^\]]*\binkBoundedCaches\b/);
  });
});
