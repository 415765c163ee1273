import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Sessions, caches and settings of tests go to a throwaway folder, never the developer's own.
process.env.HUNCH_HOME = mkdtempSync(join(tmpdir(), 'hunch-test-home-'));
delete process.env.KUBECONFIG;
