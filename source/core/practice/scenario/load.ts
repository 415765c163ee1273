import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../../catalog/problem.js';
import type { YamlSource } from '../../catalog/yaml-source.js';
import { zodProblems } from '../../catalog/zod-problems.js';
import { splitApiVersion } from '../api/resource-types.js';
import type { KubeObject } from '../objects.js';
import { globMatches } from './glob.js';
import type { Scenario, ScenarioSummary } from './scenario.js';
import { scenarioFileSchema, type ScenarioFile } from './schema.js';
import { parseScenarioYaml } from './scenario-yaml.js';
import { validateScenario } from './validate.js';

/** A parsed scenario file and where its parts are, for file:line problems. */
export type LoadedFile = { data: ScenarioFile; source: YamlSource; hasContext: boolean };

export type ScenarioLoad = { scenario?: Scenario | undefined; problems: Problem[] };

/**
 * Loads one scenario by name from a folder, resolving `extends`. Never throws for bad content: a
 * broken file comes back as problems located at file:line, and no scenario.
 */
export function loadScenario(dir: string, name: string, cwd = process.cwd()): ScenarioLoad {
  const problems: Problem[] = [];
  const chain = readChain(dir, name, cwd, problems);
  if (!chain) return { problems };
  const scenario = resolveChain(chain);
  problems.push(...validateScenario(scenario, chain));
  return problems.length > 0 ? { problems } : { scenario, problems };
}

/** Every scenario in a folder, for `hunch practice`: name, title and report only. */
export function listScenarios(dir: string, cwd = process.cwd()): { scenarios: ScenarioSummary[]; problems: Problem[] } {
  const scenarios: ScenarioSummary[] = [];
  const problems: Problem[] = [];
  for (const name of scenarioNames(dir)) {
    const file = readScenarioFile(dir, name, cwd, problems);
    if (file) scenarios.push({ name: file.data.name, title: file.data.title, report: file.data.report, isDefault: file.data.default });
  }
  const defaults = scenarios.filter((s) => s.isDefault);
  if (defaults.length > 1) problems.push({ file: relative(cwd, dir) || dir, line: 1, col: 1, rule: 'SCENARIO-DEFAULT', message: `only one scenario may be the default; found ${defaults.map((s) => s.name).join(', ')}` });
  return { scenarios, problems };
}

export function scenarioNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

function readScenarioFile(dir: string, name: string, cwd: string, problems: Problem[]): LoadedFile | undefined {
  const path = join(dir, `${name}.yaml`);
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) {
    problems.push({ file: shown, line: 1, col: 1, rule: 'SCENARIO-MISSING', message: `no scenario "${name}" in ${relative(cwd, dir) || dir}` });
    return undefined;
  }
  const parsed = parseScenarioYaml(shown, readFileSync(path, 'utf8'));
  problems.push(...parsed.problems);
  if (parsed.source.value === undefined) return undefined;
  const result = scenarioFileSchema.safeParse(parsed.source.value);
  if (!result.success) {
    problems.push(...zodProblems(result.error, parsed.source, []));
    return undefined;
  }
  if (result.data.name !== name) {
    problems.push({ ...parsed.source.locate(['name']), rule: 'SCENARIO-NAME', message: `name "${result.data.name}" must match the file name "${name}.yaml"` });
    return undefined;
  }
  const hasContext = typeof parsed.source.value === 'object' && parsed.source.value !== null && 'context' in parsed.source.value;
  return { data: result.data, source: parsed.source, hasContext };
}

/** The scenario's own file first, then what it extends, and so on. */
function readChain(dir: string, name: string, cwd: string, problems: Problem[]): LoadedFile[] | undefined {
  const chain: LoadedFile[] = [];
  let next: string | undefined = name;
  while (next !== undefined) {
    const file = readScenarioFile(dir, next, cwd, problems);
    if (!file) return undefined;
    chain.push(file);
    next = file.data.extends;
    if (next !== undefined && chain.some((f) => f.data.name === next)) {
      problems.push({ ...file.source.locate(['extends']), rule: 'SCENARIO-EXTENDS', message: `extends "${next}", which extends it back` });
      return undefined;
    }
  }
  return chain;
}

/** Events are named `<object>.<hex>` by whoever records them; a scenario may leave that to us. */
function withEventName(object: KubeObject, file: string, index: number): KubeObject {
  if (object.kind !== 'Event' || object.metadata.name) return object;
  const involved = (object.involvedObject as { name?: string } | undefined)?.name ?? 'event';
  const suffix = createHash('sha1').update(`${file}#${index}`).digest('hex').slice(0, 16);
  return { ...object, metadata: { ...object.metadata, name: `${involved}.${suffix}` } };
}

function objectKey(object: KubeObject): string {
  return `${splitApiVersion(object.apiVersion).group}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
}

/** Applies each file over the one it extends, base first: objects replaced by identity, first match wins for logs and exec. */
function resolveChain(chain: readonly LoadedFile[]): Scenario {
  const [own] = chain;
  if (!own) throw new Error('resolveChain needs at least one file');
  let objects: KubeObject[] = [];
  for (const file of [...chain].reverse()) {
    const removed = (o: KubeObject) =>
      file.data.remove.some((r) => r.kind === o.kind && (r.namespace ?? o.metadata.namespace) === o.metadata.namespace && globMatches(r.name, o.metadata.name));
    const own = file.data.objects.map((o, index) => withEventName(o as KubeObject, file.source.file, index));
    const replacements = new Map(own.map((o) => [objectKey(o), o]));
    objects = objects.filter((o) => !removed(o)).map((o) => replacements.get(objectKey(o)) ?? o);
    const present = new Set(objects.map(objectKey));
    objects.push(...own.filter((o) => !present.has(objectKey(o))));
  }
  const nearest = <T>(pick: (f: LoadedFile) => T | undefined): T | undefined => chain.map(pick).find((v) => v !== undefined);
  // An entry without a namespace means its own file's namespace, not that of a scenario extending it.
  const namespaceOf = (index: number) => chain.slice(index).find((f) => f.hasContext)?.data.context.namespace ?? 'default';
  const withNamespace = <T extends { namespace?: string | undefined }>(entries: T[], index: number): T[] => entries.map((e) => ({ ...e, namespace: e.namespace ?? namespaceOf(index) }));
  const metricsFiles = chain.flatMap((f, i) => (f.data.metrics ? [{ nodes: f.data.metrics.nodes, pods: withNamespace(f.data.metrics.pods, i) }] : []));
  return {
    name: own.data.name,
    title: own.data.title,
    report: own.data.report,
    isDefault: own.data.default,
    namespace: namespaceOf(0),
    rootCause: own.data.rootCause,
    reveal: own.data.reveal,
    objects,
    logs: chain.flatMap((f, i) => withNamespace(f.data.logs, i)),
    exec: chain.flatMap((f, i) => withNamespace(f.data.exec, i)),
    metrics: metricsFiles.length > 0 ? { nodes: metricsFiles.flatMap((m) => m.nodes), pods: metricsFiles.flatMap((m) => m.pods) } : undefined,
    access: nearest((f) => f.data.access),
    raw: Object.assign({}, ...[...chain].reverse().map((f) => f.data.raw)) as Record<string, string>,
    notInstalled: [...new Set(chain.flatMap((f) => f.data.notInstalled))],
    files: chain.map((f) => f.source.file),
  };
}
