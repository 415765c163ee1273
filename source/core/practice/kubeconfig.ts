import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The context every practice kubeconfig names, so the status line and reports can tell practice from production. */
export const PRACTICE_CONTEXT = 'hunch-practice';

/**
 * Writes a kubeconfig for the practice server into a fresh private folder: one cluster, one user,
 * one context starting in the scenario's namespace. kubectl, k9s and client libraries read it
 * like any other.
 */
export function writePracticeKubeconfig(options: { server: string; namespace: string; user: string; dir?: string | undefined }): string {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hunch-practice-'));
  const path = join(dir, 'kubeconfig');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: PRACTICE_CONTEXT, cluster: { server: options.server } }],
    users: [{ name: options.user, user: { token: 'hunch-practice' } }],
    contexts: [{ name: PRACTICE_CONTEXT, context: { cluster: PRACTICE_CONTEXT, user: options.user, namespace: options.namespace } }],
    'current-context': PRACTICE_CONTEXT,
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return path;
}
