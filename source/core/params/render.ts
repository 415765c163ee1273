import type { CatalogTest, ParamSpec } from '../catalog/schema.js';
import { reservedEnvReason, unsafePlaceholders } from './argv-safety.js';
import { envNameFor, fillPlaceholders } from './placeholders.js';
import { quoteArg, quoteArgv } from './shell-quote.js';
import { optionLikeValue, validateParamValue } from './validate.js';

export type Target = 'local' | 'pod';

/** Where and how a test runs: chosen by the user or the session, never by the catalogue. */
export type RunSettings = {
  context?: string | undefined;
  /** The session's namespace, used when a namespace parameter has no value. */
  namespace?: string | undefined;
  /** Overrides the test's own target (a pod test run locally against a port-forward). */
  target?: Target | undefined;
};

/** A command ready to run: argv and environment exactly as execa gets them, and how it is shown. */
export type RenderedCommand = {
  testId: string;
  target: Target;
  argv: string[];
  env: Record<string, string>;
  display: string;
  values: Record<string, string>;
};

export type ParamError = { param: string; message: string };
export type RenderResult = { ok: true; command: RenderedCommand } | { ok: false; errors: ParamError[] };

/** The flag each cluster tool takes to select a kubeconfig context. */
const CONTEXT_FLAGS: Readonly<Record<string, string>> = {
  kubectl: '--context',
  helm: '--kube-context',
  istioctl: '--context',
  linkerd: '--context',
  flux: '--context',
  cmctl: '--context',
  argocd: '--kube-context',
};

const POD_PARAMS: readonly ParamSpec[] = [
  { name: 'namespace', type: 'namespace', description: 'namespace of the pod to run in' },
  { name: 'pod', type: 'pod', dependsOn: 'namespace', description: 'pod to run the command in' },
  { name: 'container', type: 'container', dependsOn: 'pod', required: false, description: 'container in the pod (default: the first)' },
];

/** The test's parameters, plus the pod to exec into when it runs inside a pod. */
export function paramsFor(test: CatalogTest, target: Target = test.target): ParamSpec[] {
  if (target !== 'pod') return test.params;
  const declared = new Set(test.params.map((p) => p.name));
  return [...POD_PARAMS.filter((p) => !declared.has(p.name)), ...test.params];
}

export function isRequired(spec: ParamSpec): boolean {
  return spec.required ?? spec.default === undefined;
}

/**
 * Resolves values (given, then default, then the session's namespace), validates every one by type
 * and renders the argv. Returns every problem at once rather than the first.
 */
export function renderCommand(test: CatalogTest, given: Readonly<Record<string, string>>, settings: RunSettings = {}): RenderResult {
  const target = settings.target ?? test.target;
  const specs = paramsFor(test, target);
  const errors: ParamError[] = [];
  const values: Record<string, string> = {};

  for (const name of Object.keys(given)) {
    if (!specs.some((spec) => spec.name === name)) {
      errors.push({ param: name, message: `is not a parameter of ${test.id} (it takes: ${specs.map((s) => s.name).join(', ') || 'none'})` });
    }
  }
  for (const spec of specs) {
    const value = resolveValue(spec, given, settings);
    if (value === undefined || value === '') {
      if (isRequired(spec)) errors.push({ param: spec.name, message: 'is required' });
      continue;
    }
    const problem = validateParamValue(spec, value);
    if (problem) errors.push({ param: spec.name, message: problem });
    else values[spec.name] = value;
  }
  // A catalogue that put a placeholder where it stops being data is refused whatever the values.
  for (const unsafe of unsafePlaceholders(test.command ?? [])) errors.push({ param: unsafe.param, message: unsafe.reason });
  if (test.script !== undefined) {
    for (const spec of test.params) {
      const reason = reservedEnvReason(envNameFor(spec.name));
      if (reason) errors.push({ param: spec.name, message: reason });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const inner = test.command ? expandCommand(test, values, errors) : [];
  if (errors.length > 0) return { ok: false, errors };

  const env: Record<string, string> = {};
  let argv: string[];
  if (test.script !== undefined) {
    for (const spec of test.params) env[envNameFor(spec.name)] = values[spec.name] ?? '';
    env.CONTEXT = settings.context ?? '';
    argv = target === 'pod' ? ['sh', '-c', test.script] : ['bash', '-c', test.script];
  } else {
    argv = inner;
  }
  if (target === 'pod') argv = wrapInPodExec(argv, env, values, test.script !== undefined);
  argv = withContextFlag(argv, settings.context);
  const display = displayFor(argv, env, target === 'pod');
  return { ok: true, command: { testId: test.id, target, argv, env: target === 'pod' ? {} : env, display, values } };
}

function resolveValue(spec: ParamSpec, given: Readonly<Record<string, string>>, settings: RunSettings): string | undefined {
  const value = given[spec.name];
  if (value !== undefined && value !== '') return value;
  if (spec.default !== undefined) return String(spec.default);
  if (spec.type === 'namespace' && settings.namespace) return settings.namespace;
  return undefined;
}

function expandCommand(test: CatalogTest, values: Readonly<Record<string, string>>, errors: ParamError[]): string[] {
  const argv: string[] = [];
  for (const part of test.command ?? []) {
    if (typeof part !== 'string' && !values[part.when]) continue;
    for (const element of typeof part === 'string' ? [part] : part.args) {
      const filled = fillPlaceholders(element, values);
      const leading = leadingPlaceholder(element, values);
      // A value that starts its argument decides whether the program reads it as an option.
      const optionLike = leading === undefined ? undefined : optionLikeValue(filled);
      if (leading !== undefined && optionLike) errors.push({ param: leading, message: optionLike });
      argv.push(filled);
    }
  }
  return argv;
}

/** The placeholder whose value starts the element (the first one with a value), if the element starts with placeholders. */
export function leadingPlaceholder(element: string, values: Readonly<Record<string, string>>): string | undefined {
  let rest = element;
  for (;;) {
    const match = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/.exec(rest);
    if (!match) return undefined;
    const name = match[1] as string;
    if ((values[name] ?? '') !== '') return name;
    rest = rest.slice(match[0].length);
  }
}

/**
 * kubectl exec passes its arguments to the container runtime as argv, so values still never meet a
 * shell. Script parameters travel as `env NAME=value` arguments for the same reason.
 */
function wrapInPodExec(inner: string[], env: Record<string, string>, values: Readonly<Record<string, string>>, isScript: boolean): string[] {
  const exec = ['kubectl', 'exec', '-n', values.namespace ?? '', values.pod ?? ''];
  if (values.container) exec.push('-c', values.container);
  exec.push('--');
  if (isScript) exec.push('env', ...Object.entries(env).map(([name, value]) => `${name}=${value}`));
  return [...exec, ...inner];
}

function withContextFlag(argv: string[], context: string | undefined): string[] {
  const [tool, ...rest] = argv;
  const flag = tool === undefined ? undefined : CONTEXT_FLAGS[tool];
  if (!context || !flag || rest.some((arg) => arg === flag || arg.startsWith(`${flag}=`))) return argv;
  return [tool as string, `${flag}=${context}`, ...rest];
}

function displayFor(argv: readonly string[], env: Readonly<Record<string, string>>, inPod: boolean): string {
  const assignments = inPod ? [] : Object.entries(env).map(([name, value]) => `${name}=${quoteArg(value)}`);
  return [...assignments, quoteArgv(argv)].join(' ');
}
