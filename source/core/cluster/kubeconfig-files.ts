import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import jsYaml from 'js-yaml';

/** The kubeconfig files kubectl would read: --kubeconfig, else every file in KUBECONFIG, else ~/.kube/config. */
export function kubeconfigFiles(options: { kubeconfig?: string | undefined; env?: NodeJS.ProcessEnv } = {}): string[] {
  const env = options.env ?? process.env;
  if (options.kubeconfig) return [options.kubeconfig];
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((f) => f !== '');
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

export type ContextSelection = {
  /** The context in force: the flag, else the first current-context among the files. */
  context?: string | undefined;
  /** The namespace in force: the flag, else the context's namespace, else "default". */
  namespace: string;
  files: string[];
  /** Whether any kubeconfig file exists at all. */
  hasKubeconfig: boolean;
  /** Every context the files define (the first file naming one wins, as in kubectl), with its namespace. */
  contexts: { name: string; namespace?: string | undefined }[];
  /** A file that exists but cannot be read as YAML. */
  problem?: string | undefined;
};

type RawKubeconfig = { 'current-context'?: string; contexts?: { name?: string; context?: { namespace?: string } }[] };

/**
 * Picks context and namespace the way kubectl does, reading only YAML: cheap enough for every
 * command. The full client (discovery, access checks) is loaded lazily elsewhere.
 */
export function selectContext(options: { kubeconfig?: string | undefined; context?: string | undefined; namespace?: string | undefined; env?: NodeJS.ProcessEnv }): ContextSelection {
  const files = kubeconfigFiles(options);
  const configs: RawKubeconfig[] = [];
  let problem: string | undefined;
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      const parsed = jsYaml.load(readFileSync(file, 'utf8')) as RawKubeconfig | null;
      if (parsed && typeof parsed === 'object') configs.push(parsed);
    } catch (error) {
      problem ??= kubeconfigProblem(file, error);
    }
  }
  const context = options.context ?? configs.find((c) => c['current-context'])?.['current-context'];
  const contexts = new Map<string, { name: string; namespace?: string | undefined }>();
  for (const entry of configs.flatMap((c) => (Array.isArray(c.contexts) ? c.contexts : []))) {
    if (typeof entry?.name === 'string' && !contexts.has(entry.name)) contexts.set(entry.name, { name: entry.name, namespace: entry.context?.namespace || undefined });
  }
  const entry = context ? contexts.get(context) : undefined;
  return {
    context: context || undefined,
    namespace: options.namespace ?? entry?.namespace ?? 'default',
    files,
    hasKubeconfig: files.some((f) => existsSync(f)),
    problem,
    contexts: [...contexts.values()],
  };
}

/**
 * One line for a kubeconfig YAML cannot read: file:line:col, as for every other file hunch reads,
 * then the parser's reason without its own position and excerpt (js-yaml's mark is zero-based).
 */
export function kubeconfigProblem(file: string, error: unknown): string {
  const { mark, reason: bare } = error as { mark?: { line: number; column: number }; reason?: string };
  const reason = bare ?? ((error as Error).message?.split('\n')[0] ?? String(error)).trim();
  return `${file}${mark ? `:${mark.line + 1}:${mark.column + 1}` : ''}: not a valid kubeconfig (${reason})`;
}
