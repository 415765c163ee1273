import { readFileSync } from 'node:fs';

// Ink memoises every text it measures or wraps in module-level caches that are never emptied
// (vadimdemedes/ink#986): a run screen streaming gigabytes of distinct lines grows them without
// end. Emptied past a few thousand entries, they cost a re-measure now and then instead.
export const inkBoundedCaches = {
  name: 'ink-bounded-caches',
  setup(builder) {
    const patches = {
      'measure-text.js': [['cache.set(text, dimensions);', 'if (cache.size >= 4000) cache.clear();\n    cache.set(text, dimensions);']],
      'wrap-text.js': [
        ['const cache = {};', 'let cache = {};\nlet cacheSize = 0;'],
        ['cache[cacheKey] = wrappedText;', 'if (++cacheSize > 4000) {\n        cache = {};\n        cacheSize = 1;\n    }\n    cache[cacheKey] = wrappedText;'],
      ],
    };
    builder.onLoad({ filter: /[\\/]ink[\\/]build[\\/](measure-text|wrap-text)\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const [from, to] of patches[args.path.split(/[\\/]/).pop()]) {
        if (!source.includes(from)) throw new Error(`ink changed: review the ink-bounded-caches patch in scripts/ink-bounded-caches.mjs (${args.path})`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
