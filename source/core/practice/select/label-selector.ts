/** One requirement of a label selector, in the API server's own terms. */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'doesnotexist' };

export type Labels = Readonly<Record<string, string>>;

export type ParsedSelector = { ok: true; requirements: LabelRequirement[] } | { ok: false; message: string };

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Parses `?labelSelector=` text: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
 * joined by commas. A malformed selector is a value with the server's wording, never a throw.
 */
export function parseLabelSelector(text: string): ParsedSelector {
  const requirements: LabelRequirement[] = [];
  for (const part of splitTopLevel(text)) {
    const term = part.trim();
    if (term === '') continue;
    const parsed = parseTerm(term);
    if (typeof parsed === 'string') return { ok: false, message: `unable to parse requirement: ${parsed}` };
    requirements.push(parsed);
  }
  return { ok: true, requirements };
}

function parseTerm(term: string): LabelRequirement | string {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => v.trim());
    return checked({ key: set[1] ?? '', op: set[2] as 'in' | 'notin', values });
  }
  const compare = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (compare) {
    const op = compare[2] === '!=' ? 'notin' : 'in';
    return checked({ key: compare[1] ?? '', op, values: [compare[3] ?? ''] });
  }
  if (term.startsWith('!')) return checked({ key: term.slice(1).trim(), op: 'doesnotexist' });
  return checked({ key: term, op: 'exists' });
}

function checked(requirement: LabelRequirement): LabelRequirement | string {
  if (!KEY.test(requirement.key)) return `invalid label key "${requirement.key}": a qualified name must consist of alphanumeric characters, '-', '_' or '.'`;
  if ('values' in requirement) {
    const bad = requirement.values.find((v) => !VALUE.test(v) || v.length > 63);
    if (bad !== undefined) return `invalid label value: "${bad}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'`;
  }
  return requirement;
}

/** Commas inside `in (a,b)` do not separate requirements. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

export function matchesLabels(requirements: readonly LabelRequirement[], labels: Labels | undefined): boolean {
  const own = labels ?? {};
  return requirements.every((r) => {
    const has = Object.hasOwn(own, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'doesnotexist':
        return !has;
      case 'in':
        return has && r.values.includes(own[r.key] ?? '');
      case 'notin':
        return !has || !r.values.includes(own[r.key] ?? '');
    }
  });
}

/** A LabelSelector as objects hold it (deployment.spec.selector, networkpolicy.spec.podSelector). */
export type ObjectLabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

export function requirementsOf(selector: ObjectLabelSelector | undefined): LabelRequirement[] {
  const requirements: LabelRequirement[] = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => ({ key, op: 'in', values: [value] }));
  for (const expression of selector?.matchExpressions ?? []) {
    const op = expression.operator.toLowerCase();
    if (op === 'in' || op === 'notin') requirements.push({ key: expression.key, op, values: expression.values ?? [] });
    else if (op === 'exists' || op === 'doesnotexist') requirements.push({ key: expression.key, op });
  }
  return requirements;
}

/** The selector as kubectl prints it in a SELECTOR column: `app=api,tier in (web)`, `<none>` when empty. */
export function formatSelector(selector: ObjectLabelSelector | undefined): string {
  const parts = requirementsOf(selector).map((r) => {
    switch (r.op) {
      case 'exists':
        return r.key;
      case 'doesnotexist':
        return `!${r.key}`;
      case 'in':
        return r.values.length === 1 && selector?.matchLabels?.[r.key] === r.values[0] ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
      case 'notin':
        return `${r.key} notin (${r.values.join(',')})`;
    }
  });
  return parts.length > 0 ? parts.join(',') : '<none>';
}

/** A plain map selector (service.spec.selector) as a SELECTOR column shows it. */
export function formatLabelMap(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}
