// Bundles the CLI with esbuild: one small entry plus lazily loaded chunks (the TUI, the Kubernetes
// client), so `hunch search --json` never parses Ink or React.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { inkBoundedCaches } from './ink-bounded-caches.mjs';

// yoga-layout (Ink's layout engine) fetches its inlined wasm through fetch() on a data: URL when
// fetch exists, which makes Node load its whole HTTP client (undici) before the first frame. Its
// own synchronous base64 path does the same job without it.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(builder) {
    builder.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace('"function"!=typeof fetch', 'true');
      if (patched === source) throw new Error('yoga-layout changed: review the yoga-without-fetch patch in scripts/build.mjs');
      return { contents: patched, loader: 'js' };
    });
  },
};

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
  // Less to parse before the first frame; the source map keeps stack traces readable.
  minify: true,
  jsx: 'automatic',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // React's production build: smaller, and no development checks on every render.
  define: { __HUNCH_VERSION__: JSON.stringify(pkg.version), 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  plugins: [yogaWithoutFetch, inkBoundedCaches],
  // Packages with native parts or optional peers stay outside the bundle. @kubernetes/client-node
  // is bundled (in its own lazily imported chunk): as a package it resolves about a thousand files,
  // which blocked the TUI's event loop ~800 ms and kept ~12 MB of their sources alive; bundled and
  // minified it loads in ~250 ms with 16 MB of heap instead of 40.
  external: ['react-devtools-core', '@lydell/node-pty'],
  banner: {
    // Some bundled CommonJS dependencies call require(); give them one.
    js: "import { createRequire as __hunchCreateRequire } from 'node:module'; const require = __hunchCreateRequire(import.meta.url);",
  },
});
chmodSync(`${staging}/cli.js`, 0o755);
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
