import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { CatalogTest } from '../source/core/catalog/schema.js';

// Words mixed into synthetic tests so a large catalogue has a realistic, varied vocabulary.
const WORDS = `latency throughput replica shard partition broker consumer producer queue topic index cluster
node pod container volume claim secret config map ingress gateway route mesh sidecar proxy envoy certificate
issuer renewal webhook admission quota limit request eviction pressure taint toleration affinity scheduler
kubelet runtime image registry pull push token account role binding policy namespace label selector endpoint
slice service port target probe readiness liveness startup restart backoff crash memory cpu disk inode socket
connection refused timeout reset handshake protocol upstream downstream retry circuit breaker cache hit miss
eviction expire ttl lock deadlock vacuum checkpoint replication lag wal snapshot backup restore compaction`.split(/\s+/);

/** `count` tests derived from the real ones: new ids, varied titles, symptoms and tags. */
export function syntheticTests(base: readonly CatalogTest[], count: number): CatalogTest[] {
  const tests: CatalogTest[] = [];
  let seed = 7;
  const pick = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return WORDS[seed % WORDS.length] as string;
  };
  for (let i = 0; i < count; i++) {
    const t = base[i % base.length] as CatalogTest;
    tests.push({
      ...t,
      id: `${t.id}-s${i}`,
      title: `${t.title} (${pick()} ${pick()})`,
      symptoms: [...t.symptoms, `${pick()} ${pick()} ${pick()}`],
      tags: [...t.tags, pick(), pick()],
      next: [],
    });
  }
  return tests;
}

/** Writes tests as catalogue YAML files of 200 tests each, for the cold-load figures. */
export function writeSyntheticCatalog(dir: string, tests: readonly CatalogTest[]): void {
  mkdirSync(dir, { recursive: true });
  for (let start = 0; start < tests.length; start += 200) {
    const chunk = tests.slice(start, start + 200).map(({ source: _source, component: _component, ...rest }) => rest);
    writeFileSync(join(dir, `synthetic-${start / 200}.yaml`), stringify({ component: 'synthetic', tests: chunk }));
  }
}
