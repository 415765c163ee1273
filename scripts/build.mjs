// Bundles the CLI with esbuild: one small entry plus lazily loaded chunks (the TUI, the Kubernetes
// client), so `hunch search --json` never parses Ink or React.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Build beside dist/ and swap it in, so a process running dist/cli.js never sees a half-written build.
const dist = new URL('../dist', import.meta.url).pathname;
const staging = `${dist}.building-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'source/cli.tsx' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __HUNCH_VERSION__: JSON.stringify(pkg.version), 'process.env.DEV': '"false"' },
  // Packages with native parts or optional peers stay outside the bundle.
  external: ['react-devtools-core', '@kubernetes/client-node', '@lydell/node-pty'],
  banner: {
    // Some bundled CommonJS dependencies call require(); give them one.
    js: "import { createRequire as __hunchCreateRequire } from 'node:module'; const require = __hunchCreateRequire(import.meta.url);",
  },
});
chmodSync(`${staging}/cli.js`, 0o755);
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
