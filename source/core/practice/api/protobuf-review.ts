/**
 * kubectl's typed clients POST access reviews as Kubernetes protobuf: the bytes `k8s\0`, then a
 * runtime.Unknown (1: typeMeta, 2: raw) whose raw bytes are the review itself. Only the few string
 * fields an access review carries are read; everything else is skipped by wire type.
 */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, Buffer[]>;

function readVarint(bytes: Buffer, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let position = at;
  while (position < bytes.length) {
    const byte = bytes[position] ?? 0;
    position++;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, position];
    shift += 7;
  }
  throw new Error('truncated varint');
}

/** The length-delimited fields of one message by number; varints and fixed-width fields are skipped. */
function readFields(bytes: Buffer): Fields {
  const fields: Fields = new Map();
  let at = 0;
  while (at < bytes.length) {
    const [key, afterKey] = readVarint(bytes, at);
    const wireType = key & 7;
    const number = Math.floor(key / 8);
    at = afterKey;
    if (wireType === 0) at = readVarint(bytes, at)[1];
    else if (wireType === 1) at += 8;
    else if (wireType === 5) at += 4;
    else if (wireType === 2) {
      const [length, start] = readVarint(bytes, at);
      fields.set(number, [...(fields.get(number) ?? []), bytes.subarray(start, start + length)]);
      at = start + length;
    } else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}

function message(fields: Fields, number: number): Fields {
  const bytes = fields.get(number)?.[0];
  return bytes ? readFields(bytes) : new Map();
}

function string(fields: Fields, number: number): string | undefined {
  return fields.get(number)?.[0]?.toString('utf8');
}

function strings(fields: Fields, names: readonly (string | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  names.forEach((name, index) => {
    const value = string(fields, index + 1);
    if (name && value) out[name] = value;
  });
  return out;
}

export function isKubernetesProtobuf(body: Buffer): boolean {
  return body.subarray(0, 4).equals(MAGIC);
}

/** Decodes SelfSubjectAccessReview, SelfSubjectRulesReview or SelfSubjectReview into its JSON shape. */
export function decodeReview(body: Buffer): Record<string, unknown> | undefined {
  try {
    const unknown = readFields(body.subarray(4));
    const typeMeta = strings(message(unknown, 1), ['apiVersion', 'kind']);
    const raw = readFields(unknown.get(2)?.[0] ?? Buffer.alloc(0));
    const spec = message(raw, 2);
    switch (typeMeta.kind) {
      case 'SelfSubjectAccessReview': {
        const resourceAttributes = strings(message(spec, 1), ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name']);
        const nonResourceAttributes = strings(message(spec, 2), ['path', 'verb']);
        return {
          ...typeMeta,
          spec: {
            ...(Object.keys(resourceAttributes).length > 0 ? { resourceAttributes } : {}),
            ...(Object.keys(nonResourceAttributes).length > 0 ? { nonResourceAttributes } : {}),
          },
        };
      }
      case 'SelfSubjectRulesReview':
        return { ...typeMeta, spec: strings(spec, ['namespace']) };
      default:
        return { ...typeMeta };
    }
  } catch {
    return undefined;
  }
}
