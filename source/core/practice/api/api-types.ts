import { list, text, type KubeObject } from '../objects.js';
import { BUILTIN_RESOURCES, METRICS_RESOURCES, splitApiVersion, type PrinterColumn, type ResourceType } from './resource-types.js';

/** Every kind the practice cluster serves: the built-in API, the scenario's CRDs, and metrics when given. */
export class ApiTypes {
  readonly all: readonly ResourceType[];

  constructor(objects: readonly KubeObject[], options: { metrics: boolean }) {
    const crds = objects.filter((o) => o.kind === 'CustomResourceDefinition' && o.apiVersion.startsWith('apiextensions.k8s.io/'));
    this.all = [...BUILTIN_RESOURCES, ...(options.metrics ? METRICS_RESOURCES : []), ...crds.flatMap(typesOfCrd)];
  }

  /** The type a URL names: /apis/<group>/<version>/<plural>. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.all.find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  /** The type an object declares; custom resources may be stored at any served version. */
  ofObject(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceType | undefined {
    const { group, version } = splitApiVersion(object.apiVersion);
    return this.all.find((t) => t.group === group && t.kind === object.kind && t.version === version) ?? this.all.find((t) => t.group === group && t.kind === object.kind);
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.all.some((t) => t.group === group && t.version === version);
  }

  hasGroup(group: string): boolean {
    return this.all.some((t) => t.group === group);
  }
}

/** The resource types a CustomResourceDefinition adds: one per served version. */
function typesOfCrd(crd: KubeObject): ResourceType[] {
  const names = { kind: text(crd, 'spec', 'names', 'kind'), plural: text(crd, 'spec', 'names', 'plural') };
  if (!names.kind || !names.plural) return [];
  const versions = list<{ name: string; served?: boolean; additionalPrinterColumns?: PrinterColumn[]; subresources?: Record<string, unknown> }>(crd, 'spec', 'versions');
  return versions
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: text(crd, 'spec', 'group'),
      version: v.name,
      kind: names.kind,
      plural: names.plural,
      singular: text(crd, 'spec', 'names', 'singular') || names.kind.toLowerCase(),
      namespaced: text(crd, 'spec', 'scope') !== 'Cluster',
      shortNames: list<string>(crd, 'spec', 'names', 'shortNames'),
      categories: list<string>(crd, 'spec', 'names', 'categories'),
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      subresources: Object.keys(v.subresources ?? {}),
      printerColumns: v.additionalPrinterColumns ?? [],
    }));
}
