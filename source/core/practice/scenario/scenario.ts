import type { KubeObject } from '../objects.js';
import type { RevealTest, ScenarioAccess, ScenarioExec, ScenarioLog, ScenarioMetrics } from './schema.js';

/** A scenario with its `extends` chain resolved: everything the practice server serves. */
export type Scenario = {
  name: string;
  title: string;
  report: string;
  isDefault: boolean;
  /** The namespace the practice kubeconfig's context starts in. */
  namespace: string;
  rootCause?: { summary: string; detail: string; fix?: string | undefined } | undefined;
  reveal?: { hypotheses: string[]; tests: RevealTest[] } | undefined;
  objects: KubeObject[];
  logs: ScenarioLog[];
  exec: ScenarioExec[];
  metrics?: ScenarioMetrics | undefined;
  access?: ScenarioAccess | undefined;
  raw: Record<string, string>;
  /** Catalogue component ids the cluster deliberately does not run. */
  notInstalled: string[];
  /** The files it was built from, the scenario's own first. */
  files: string[];
};

/** What `hunch practice` lists: never the root cause. */
export type ScenarioSummary = { name: string; title: string; report: string; isDefault: boolean };

export function summarize(scenario: Scenario): ScenarioSummary {
  return { name: scenario.name, title: scenario.title, report: scenario.report, isDefault: scenario.isDefault };
}
