// Entry point of the compile helper thread, bundled on its own as dist/compile-worker.js.
import { workerData } from 'node:worker_threads';
import type { HelperInput } from './helper-protocol.js';
import { runHelper } from './helper-run.js';

runHelper(workerData as HelperInput);
