import type { Json } from './json.js';
import type { SchemaSet } from './models.js';
import { createAjv, type ErrorObject, type ValidateFunction } from './oracle.js';

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

const everyErrorValidators = new WeakMap<SchemaSet, Map<string, ValidateFunction>>();

/** A model's validator reporting every error: one unnamed member must not hide another, nor a real error. */
export function everyErrorValidator(set: SchemaSet, modelId: string): ValidateFunction {
  let bySet = everyErrorValidators.get(set);
  if (!bySet) {
    const ajv = createAjv({ allErrors: true });
    for (const schema of set.byId.values()) ajv.addSchema(schema);
    bySet = new Map();
    for (const id of set.byId.keys()) bySet.set(id, ajv.getSchema(id)!);
    everyErrorValidators.set(set, bySet);
  }
  return bySet.get(modelId)!;
}

/**
 * A value judged by what its schema names: the members it does not name are
 * set aside, at every depth, and what is left is validated; the errors left
 * are the value's own. A member set aside may have hidden another below it,
 * so it is done again until no error names an unnamed member.
 */
export function setAsideUnnamed(validate: ValidateFunction, value: Json): { rest: Json; unnamed: UnnamedMember[]; errors: ErrorObject[] } {
  const unnamed: UnnamedMember[] = [];
  let rest = value;
  for (let round = 0; round < 64; round++) {
    if (validate(rest)) return { rest, unnamed, errors: [] };
    const errors = validate.errors ?? [];
    const found = [...new Map(errors.flatMap(unnamedMember).map((u) => [JSON.stringify(u), u])).values()];
    if (found.length === 0) return { rest, unnamed, errors };
    unnamed.push(...found);
    rest = found.reduce<Json>((v, u) => withoutMember(v, u.at, u.name), rest);
  }
  return { rest, unnamed, errors: validate.errors ?? [] };
}
