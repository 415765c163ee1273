import type { Component } from '../catalog/schema.js';
import type { Inventory, NamespacedKind, ObjectSummary } from './inventory.js';

/** Components found running, each with the first few reasons it was recognised. */
export type DetectedComponents = ReadonlyMap<string, readonly string[]>;

const EVIDENCE_KEPT = 3;
const RUNNING_KINDS: readonly NamespacedKind[] = ['pod', 'deployment', 'statefulset', 'daemonset', 'job', 'cronjob'];

/**
 * Recognises catalogue components among the pods and workloads of `scope` (a namespace or '*') by
 * their images and labels, and in the cluster by their CRDs, as components.yaml describes them.
 */
export function detectComponents(inventory: Inventory, components: readonly Component[], scope: string): DetectedComponents {
  const running = RUNNING_KINDS.flatMap((kind) => inventory.objects(kind, scope)?.items ?? []);
  const crds = new Set(inventory.cluster.crds.items.map((c) => c.name));
  const found = new Map<string, string[]>();
  const note = (id: string, evidence: string) => {
    const list = found.get(id) ?? [];
    if (list.length < EVIDENCE_KEPT && !list.includes(evidence)) list.push(evidence);
    found.set(id, list);
  };
  for (const component of components) {
    for (const object of running) {
      const why = objectEvidence(component, object);
      if (why) note(component.id, `${why} (${object.namespace}/${object.name})`);
    }
    for (const crd of component.detect.crds) if (crds.has(crd)) note(component.id, `CRD ${crd}`);
  }
  return found;
}

/** Why an object looks like the component (its image or a label), or undefined. */
export function objectEvidence(component: Pick<Component, 'detect'>, object: Pick<ObjectSummary, 'images' | 'labels'>): string | undefined {
  for (const pattern of component.detect.images) {
    const image = object.images.find((i) => imageMatches(pattern, i));
    if (image) return `image ${image}`;
  }
  for (const pattern of component.detect.labels) if (labelMatches(pattern, object.labels)) return `label ${pattern}`;
  return undefined;
}

/**
 * Whether an image is the repository a pattern names: `postgres` matches `postgres:16` and
 * `docker.io/library/postgres@sha256:…`, `bitnami/redis` matches `registry.example.com/bitnami/redis:7`,
 * and a pattern starting with a registry (`registry.k8s.io/coredns`) matches images under it. A
 * longer name (`postgres-exporter`) does not match `postgres`.
 */
export function imageMatches(pattern: string, image: string): boolean {
  const repo = repository(image);
  const wanted = repository(pattern);
  if (repo === wanted || repo.endsWith(`/${wanted}`)) return true;
  const first = wanted.split('/')[0] ?? '';
  return /[.:]/.test(first) && repo.startsWith(`${wanted}/`);
}

/** `key=value` needs that value; a bare `key` only its presence. */
export function labelMatches(pattern: string, labels: Readonly<Record<string, string>>): boolean {
  const at = pattern.indexOf('=');
  if (at === -1) return Object.hasOwn(labels, pattern);
  return labels[pattern.slice(0, at)] === pattern.slice(at + 1);
}

/** An image reference without tag or digest, with Docker Hub's implicit parts removed. */
function repository(reference: string): string {
  let name = reference.trim().toLowerCase();
  const digest = name.indexOf('@');
  if (digest !== -1) name = name.slice(0, digest);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  return name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
}
