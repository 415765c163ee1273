import type { z } from 'zod';

/**
 * A fast path for checking values against a zod schema, compiled from the schema itself: for a
 * valid value it gives exactly what `schema.safeParse(value).data` gives, and for anything else
 * (an invalid value, or a part of the schema it does not know) it gives FAIL, so the caller asks
 * zod, which gives the same value or the issues with their paths. A cold load of a large catalogue
 * validates every test; zod's generic machinery (a payload and an issue list per node, unions
 * tried in turn) was about a seventh of that time.
 *
 * Only what catalogue schemas use is compiled: strings, numbers, booleans, enums, arrays, strict
 * objects, optional, default, union, and the checks zod attaches to them, which run as zod's own
 * check code. A string format schema (z.url()) is handed to zod whole. Anything else (transforms,
 * pipes, coercion, records …) makes the whole schema unsupported: compileFastCheck gives undefined.
 */
export const FAIL: unique symbol = Symbol('fail');
export type FastCheck = (value: unknown) => unknown;

export function compileFastCheck(schema: z.ZodType): FastCheck | undefined {
  try {
    return compileNode(schema as unknown as Node);
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

const UNSUPPORTED = Symbol('unsupported');

/** The parts of zod's internal schema shape this reads. */
type Check = { _zod: { def: { check: string; when?: (payload: Payload) => boolean }; check(payload: Payload): unknown } };
type Node = {
  _zod: { def: Def; optin?: string; optout?: string };
  safeParse(value: unknown): { success: boolean; data?: unknown };
};
type Def = {
  type: string;
  checks?: Check[];
  coerce?: boolean;
  format?: string;
  element?: Node;
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  defaultValue?: unknown;
  options?: Node[];
  entries?: Record<string, unknown>;
};
type Payload = { value: unknown; issues: unknown[] };

/** Checks zod runs after a node's own parse; these only read the value and report issues. */
const READ_ONLY_CHECKS = new Set(['min_length', 'max_length', 'length_equals', 'greater_than', 'less_than', 'multiple_of', 'number_format', 'string_format', 'custom']);

function compileNode(node: Node): FastCheck {
  const def = node._zod.def;
  if (def.coerce) throw UNSUPPORTED;
  const base = compileBase(node, def);
  const checks = def.type === 'string' && def.format !== undefined ? [] : (def.checks ?? []);
  if (checks.length === 0) return base;
  for (const check of checks) if (!READ_ONLY_CHECKS.has(check._zod.def.check)) throw UNSUPPORTED;
  const payload: Payload = { value: undefined, issues: [] };
  return (value) => {
    const out = base(value);
    if (out === FAIL) return FAIL;
    payload.value = out;
    payload.issues.length = 0;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      const result = check._zod.check(payload);
      // An async refinement is zod's to run.
      if (payload.issues.length > 0 || result instanceof Promise) return FAIL;
    }
    return out;
  };
}

function compileBase(node: Node, def: Def): FastCheck {
  switch (def.type) {
    case 'string':
      // A format (url, email …) is a schema of its own: zod checks it.
      if (def.format !== undefined) return (value) => (typeof value === 'string' ? delegate(node, value) : FAIL);
      return (value) => (typeof value === 'string' ? value : FAIL);
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : FAIL);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : FAIL);
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      // Numeric (TypeScript) enums carry reverse entries that zod filters out: not worth mirroring.
      for (const value of values) if (typeof value !== 'string') throw UNSUPPORTED;
      return (value) => (values.has(value) ? value : FAIL);
    }
    case 'array':
      return compileArray(required(def.element));
    case 'object':
      return compileObject(def);
    case 'optional': {
      const inner = required(def.innerType);
      if (inner._zod.optin === 'defaulted') throw UNSUPPORTED;
      const check = compileNode(inner);
      return (value) => (value === undefined ? undefined : check(value));
    }
    case 'default': {
      const check = compileNode(required(def.innerType));
      // defaultValue is a getter: a fresh copy each time, as zod hands out.
      return (value) => {
        if (value === undefined) return def.defaultValue;
        const out = check(value);
        return out === undefined ? def.defaultValue : out;
      };
    }
    case 'union': {
      const options = (def.options ?? []).map(compileNode);
      return (value) => {
        for (const option of options) {
          const out = option(value);
          if (out !== FAIL) return out;
        }
        return FAIL;
      };
    }
    default:
      throw UNSUPPORTED;
  }
}

function compileArray(element: Node): FastCheck {
  const check = compileNode(element);
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = check(value[i]);
      if (item === FAIL) return FAIL;
      out[i] = item;
    }
    return out;
  };
}

/**
 * A strict object (catchall never: an unknown key is an issue). Keys come out in the shape's
 * order: present ones, absent optional ones left out, absent defaulted ones with their default.
 * The checker is generated with the keys written out, as zod's own fast path is: property reads
 * and writes by constant name are what V8 makes fast, a loop over key strings is not.
 */
function compileObject(def: Def): FastCheck {
  if (def.catchall?._zod.def.type !== 'never') throw UNSUPPORTED;
  const fields = Object.entries(def.shape ?? {}).map(([key, node]) => {
    const { optin, optout } = node._zod;
    // Optional in and out: absent means left out. Defaulted: always set. Neither: must be there.
    const kind = optin === undefined ? 'required' : optin === 'optional' && optout === 'optional' ? 'optional' : optin === 'defaulted' && optout === undefined ? 'defaulted' : undefined;
    if (kind === undefined || key === '__proto__') throw UNSUPPORTED;
    return { key, kind, check: compileNode(node) };
  });
  const lines = fields.map(({ key, kind }, i) => {
    const k = JSON.stringify(key);
    const absent = kind === 'required' ? 'return FAIL;' : kind === 'optional' ? '' : `v = checks[${i}](undefined); if (v === FAIL) return FAIL; out[${k}] = v;`;
    return `if (${k} in input) { present++; v = checks[${i}](input[${k}]); if (v === FAIL) return FAIL; out[${k}] = v; } else { ${absent} }`;
  });
  // Unknown keys: every enumerable key must be one of the shape's, so the counts must agree.
  const body = `return function strictObject(input) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return FAIL;
    let keys = 0;
    for (const _ in input) keys++;
    let present = 0;
    let v;
    const out = {};
    ${lines.join('\n    ')}
    return present === keys ? out : FAIL;
  };`;
  // Generated from the schema's own keys only, each JSON-quoted: no catalogue text reaches it.
  return new Function('checks', 'FAIL', body)(fields.map((f) => f.check), FAIL) as FastCheck;
}

function delegate(node: Node, value: unknown): unknown {
  const result = node.safeParse(value);
  return result.success ? result.data : FAIL;
}

function required(node: Node | undefined): Node {
  if (!node) throw UNSUPPORTED;
  return node;
}
