import type { OpenCatalog } from '../core/catalog/open-catalog.js';
import type { CatalogTest } from '../core/catalog/schema.js';
import type { ExportFormat } from '../core/export/render.js';
import type { RenderedCommand, RunSettings } from '../core/params/render.js';
import type { OutputStream } from '../core/runner/run.js';
import type { ExecuteResult } from '../core/session/execute-test.js';
import type { RecentHypothesis } from '../core/session/recent-hypotheses.js';
import type { SessionState } from '../core/session/reducer.js';
import type { SessionRecorder } from '../core/session/store.js';
import type { Theme } from './theme.js';

/** What the cluster looks like from here, for the status line and for rendering commands. */
export type ClusterView = {
  context?: string | undefined;
  namespace: string;
  /** Practice scenario name: the banner says PRACTICE. */
  practice?: string | undefined;
  /** The context matches the production pattern from settings. */
  production: boolean;
  /** One line on why there is no cluster, shown once. */
  note?: string | undefined;
  /** -A: discovery and suggestions span every namespace. */
  allNamespaces?: boolean | undefined;
  /** Where background discovery stands, for the status line. */
  discovery?: 'loading' | 'ready' | 'failed' | undefined;
};

/** Cluster state that changes while the app runs (`:ctx`, `:ns`, discovery finishing). */
export type LiveClusterState = { cluster: ClusterView; settings: RunSettings; detectedComponents: ReadonlySet<string> };

/** A store the app subscribes to; `snapshot` returns the same object until something changed. */
export type LiveCluster = {
  subscribe(listener: () => void): () => void;
  snapshot(): LiveClusterState;
  /** Starts discovery in the background; the app calls it once its first frame is out. */
  start(): void;
};

/** What the RBAC pre-check says about a test: runnable, not permitted (and what is missing), unknown, or still asking. */
export type AccessMark = { state: 'allowed' } | { state: 'denied'; missing: string } | { state: 'unknown'; reason: string } | { state: 'checking' };

/** RBAC pre-checks of tests, asked in the background; listeners hear as answers arrive. */
export type AccessChecks = {
  subscribe(listener: () => void): () => void;
  /** Changes whenever an answer arrived. */
  version(): number;
  /** What is known for a test run in `namespace`; undefined when the test needs no cluster access. */
  mark(test: CatalogTest, namespace: string): AccessMark | undefined;
  /** Asks about the tests not asked yet; stops waiting when the signal aborts. */
  check(tests: readonly CatalogTest[], namespace: string, signal: AbortSignal): void;
};

/** `:ctx NAME` and `:ns NAME` typed in the hypothesis field. */
export type ClusterSwitch = { kind: 'context' | 'namespace'; name?: string | undefined };

export type RunTestRequest = {
  test: CatalogTest;
  command: RenderedCommand;
  hypothesisId: string;
  signal: AbortSignal;
  onOutput: (stream: OutputStream, text: string) => void;
};

/** Parameter suggestions: loaded asynchronously, may fail with a one-line reason. */
export type SuggestRequest = {
  test: CatalogTest;
  param: string;
  values: Readonly<Record<string, string>>;
  signal: AbortSignal;
  /** The user asked for fresh values (ctrl+r): drop what is cached. */
  refresh?: boolean | undefined;
};
export type Suggestions = { values: { value: string; note?: string }[]; reason?: string; loadedAt?: Date };

/** A practice scenario: the report shown at the start, the root cause revealed at the end. */
export type PracticeView = {
  name: string;
  title: string;
  report: string;
  /** The hidden root cause and how directly this session reached it; undefined when the scenario has none. */
  reveal(session: SessionState): { rootCause: string; detail: string; fix?: string | undefined; summary: string; directness: string } | undefined;
};

/**
 * Everything the screens need from the outside world, injected so screen tests can drive a fake
 * runner and clock while the e2e tests use the real ones.
 */
export type TuiServices = {
  catalog: OpenCatalog;
  session: SessionRecorder;
  cluster: ClusterView;
  settings: RunSettings;
  theme: Theme;
  readOnly: boolean;
  /** `--allow-mutating`: mutating tests may run on a production context (still after typed confirmation). */
  allowMutating?: boolean;
  runTest(request: RunTestRequest): Promise<ExecuteResult>;
  /** Writes the report to `destination` (a file, or a folder for the default name), else to the default place. */
  exportReport(format: ExportFormat, destination?: string): { path: string } | { error: string };
  /** Where a report of this format goes when the user names no destination (settings' export folder, else here). */
  exportPath?(format: ExportFormat): string;
  /** The format the settings prefer. */
  exportFormat?: ExportFormat | undefined;
  /** The report as text, for the clipboard. */
  reportText(format: ExportFormat): string;
  /** Puts text on the clipboard; resolves to the message to show. */
  copyText(text: string): Promise<string>;
  suggest?(request: SuggestRequest): Promise<Suggestions>;
  /** Components recognised in the cluster, to rank and mark tests. */
  detectedComponents?: ReadonlySet<string>;
  /** The cluster as it changes (context, namespace, detected components); the app re-renders from it. */
  live?: LiveCluster | undefined;
  /** RBAC pre-checks for the tests list and the confirm step. */
  access?: AccessChecks | undefined;
  /** Switches context or namespace; resolves to the line to show. */
  switchCluster?(request: ClusterSwitch): Promise<{ ok: boolean; message: string }>;
  practice?: PracticeView | undefined;
  /** Hypotheses of earlier sessions, offered when the hypothesis field is empty. */
  recentHypotheses?(): readonly RecentHypothesis[];
  now(): Date;
};
