import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';

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
      const parsed = parse(readFileSync(file, 'utf8')) as RawKubeconfig | null;
      if (parsed && typeof parsed === 'object') configs.push(parsed);
    } catch (error) {
      problem ??= `${file}: not a valid kubeconfig (${((error as Error).message.split('\n')[0] ?? '').trim()})`;
    }
  }
  const context = options.context ?? configs.find((c) => c['current-context'])?.['current-context'];
  const entry = context ? configs.flatMap((c) => c.contexts ?? []).find((c) => c.name === context) : undefined;
  return {
    context: context || undefined,
    namespace: options.namespace ?? entry?.context?.namespace ?? 'default',
    files,
    hasKubeconfig: files.some((f) => existsSync(f)),
    problem,
  };
}
