// Loaded into a hunch process under test with NODE_OPTIONS="--expose-gc --require …/heap-probe.cjs":
// every HEAP_PROBE_EVERY_MS it collects garbage and appends the live heap (bytes) to HEAP_PROBE_FILE,
// so a test can tell memory that is retained (a leak) from garbage V8 has not collected yet.
const { appendFileSync } = require('node:fs');

const file = process.env.HEAP_PROBE_FILE;
if (file && typeof global.gc === 'function') {
  setInterval(() => {
    global.gc();
    appendFileSync(file, `${process.memoryUsage().heapUsed}\n`);
  }, Number(process.env.HEAP_PROBE_EVERY_MS ?? 1000)).unref();
}
