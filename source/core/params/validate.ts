import type { ParamSpec, ParamType } from '../catalog/schema.js';

/** Why a value was refused, in words for the person who typed it; undefined when it is fine. */
export type ValidationError = string | undefined;

// DNS-1123 label (namespaces, services, containers) and subdomain (most other object names).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:]+(%[A-Za-z0-9]+)?$/;
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

const LABEL_TYPES: ReadonlySet<ParamType> = new Set(['namespace', 'service', 'container']);
const SUBDOMAIN_TYPES: ReadonlySet<ParamType> = new Set([
  'pod', 'deployment', 'statefulset', 'daemonset', 'job', 'cronjob', 'ingress', 'node', 'pvc',
  'secret-name', 'configmap', 'serviceaccount',
]);

/** Longest value accepted: far above any real name or URL, far below the kernel's 128 KiB per argument. */
export const MAX_VALUE_CHARS = 32 * 1024;
// Characters that draw nothing or reorder what is drawn (bidi overrides and isolates, zero-width
// characters, line and paragraph separators): with them the command shown is not the command run.
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;

// ASCII '-' and the Unicode dashes and minus signs that look like it.
const DASH_START = /^[-\p{Pd}\u2212\uFE63\uFF0D]/u;

/**
 * Why a value may not start an argument, or undefined: a leading '-' makes the program read it as
 * an option, and a dash look-alike would look like one on screen while being read as a name.
 */
export function optionLikeValue(value: string): ValidationError {
  if (!DASH_START.test(value)) return undefined;
  return value.startsWith('-')
    ? "must not start with '-' (it would be read as an option)"
    : 'must not start with a dash-like character (it would look like an option but be read as a name)';
}

/** Checks a value against its parameter's type; the same rules apply to typed, suggested and default values. */
export function validateParamValue(spec: ParamSpec, value: string): ValidationError {
  if (value.includes('\0')) return 'contains a NUL byte';
  if (value.length > MAX_VALUE_CHARS) return `is ${value.length} characters long; at most ${MAX_VALUE_CHARS} are accepted`;
  const invisible = INVISIBLE.exec(value);
  if (invisible) return `contains an invisible or text-direction character (U+${codePoint(invisible[0])}), so what is shown would not be what runs`;
  if (spec.choices && !spec.choices.includes(value)) return `must be one of: ${spec.choices.join(', ')}`;
  const type = spec.type;
  if (LABEL_TYPES.has(type)) {
    if (value.length > 63 || !DNS1123_LABEL.test(value)) {
      return `is not a valid ${type} name: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`;
    }
    return undefined;
  }
  if (SUBDOMAIN_TYPES.has(type)) {
    if (value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
      return `is not a valid ${type} name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`;
    }
    return undefined;
  }
  switch (type) {
    case 'context':
      return /^[^\s\x00-\x1f\x7f-\x9f-][^\s\x00-\x1f\x7f-\x9f]*$/u.test(value) ? undefined : 'is not a valid context name';
    case 'label-selector':
      return validateLabelSelector(value);
    case 'integer':
      return /^-?\d{1,15}$/.test(value) ? undefined : 'must be a whole number';
    case 'port': {
      const port = Number(value);
      return /^\d{1,5}$/.test(value) && port >= 1 && port <= 65535 ? undefined : 'must be a port number from 1 to 65535';
    }
    case 'duration':
      return DURATION.test(value) ? undefined : 'must be a duration such as 30s, 5m or 1h';
    case 'host':
      return HOSTNAME.test(value) || IPV4.test(value) || (value.includes(':') && IPV6.test(value))
        ? undefined
        : 'must be a host name or an IP address';
    case 'url':
      return validateUrl(value);
    case 'string':
      return /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(value) ? 'contains control characters' : undefined;
    default:
      return undefined;
  }
}

function codePoint(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function validateUrl(value: string): ValidationError {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
    if (/\s/.test(value)) return 'must not contain spaces';
    return undefined;
  } catch {
    return 'must be a URL such as https://example.com/health';
  }
}

/** Equality (`a=b`, `a!=b`), set (`a in (x,y)`, `a notin (x)`) and existence (`a`, `!a`) requirements. */
function validateLabelSelector(value: string): ValidationError {
  const requirements = splitSelector(value);
  if (requirements.length === 0) return 'must not be empty';
  for (const requirement of requirements) {
    const text = requirement.trim();
    const set = /^(\S+)\s+(in|notin)\s+\(([^()]*)\)$/.exec(text);
    if (set) {
      if (!LABEL_KEY.test(set[1] ?? '')) return `has an invalid label key in "${text}"`;
      const values = (set[3] ?? '').split(',').map((v) => v.trim());
      if (values.some((v) => !LABEL_VALUE.test(v))) return `has an invalid label value in "${text}"`;
      continue;
    }
    const equality = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(text);
    if (equality) {
      if (!LABEL_KEY.test(equality[1] ?? '')) return `has an invalid label key in "${text}"`;
      if (!LABEL_VALUE.test(equality[3] ?? '')) return `has an invalid label value in "${text}"`;
      continue;
    }
    const exists = /^!?(\S+)$/.exec(text);
    if (exists && LABEL_KEY.test(exists[1] ?? '')) continue;
    return `is not a label selector: "${text}" (try app=web or tier in (db,cache))`;
  }
  return undefined;
}

/** Splits on commas that are not inside parentheses. */
function splitSelector(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}
