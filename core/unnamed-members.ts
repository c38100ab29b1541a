import type { Json } from './json.js';
import type { ErrorObject } from './oracle.js';

/** A member of a value that its schema does not name: the path of its object and its name. */
export interface UnnamedMember {
  at: string[];
  name: string;
}

/** The member an ajv error says the schema does not allow, if that is what the error says. */
export function unnamedMember(e: ErrorObject): UnnamedMember[] {
  const name =
    e.keyword === 'additionalProperties' ? e.params.additionalProperty : e.keyword === 'unevaluatedProperties' ? e.params.unevaluatedProperty : undefined;
  if (typeof name !== 'string') return [];
  const at =
    e.instancePath === ''
      ? []
      : e.instancePath
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [{ at, name }];
}

/** The value without one member, copying only the objects on its path (a partial image's base64 is not copied). */
export function withoutMember(value: Json, at: readonly string[], name: string): Json {
  if (value === null || typeof value !== 'object') return value;
  if (at.length === 0) {
    if (Array.isArray(value)) return value;
    const { [name]: _, ...rest } = value;
    return rest;
  }
  const [head, ...tail] = at as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[Number(head)] = withoutMember(copy[Number(head)]!, tail, name);
    return copy;
  }
  if (!Object.hasOwn(value, head)) return value;
  return { ...value, [head]: withoutMember(value[head]!, tail, name) };
}
