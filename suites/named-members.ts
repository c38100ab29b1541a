import type { Json } from '../core/json.js';
import type { SchemaSet } from '../core/models.js';
import { createAjv, type ErrorObject, type ValidateFunction } from '../core/oracle.js';
import { unnamedMember, withoutMember } from '../core/unnamed-members.js';

/**
 * Serializer output judged by what the model names. The schemas close their
 * objects so that the UnknownFields suite can make payloads with extra
 * members; a serializer that writes back a member it kept is judged by that
 * suite alone (`kept and written`), never by validating its output against
 * the closed schema. So the members the model does not name are set aside, at
 * every depth, and the rest is validated.
 */

const validators = new WeakMap<SchemaSet, Map<string, ValidateFunction>>();

/** A validator reporting every error: one unnamed member must not hide another, nor a real error. */
function everyError(set: SchemaSet, modelId: string): ValidateFunction {
  let bySet = validators.get(set);
  if (!bySet) {
    const ajv = createAjv({ allErrors: true });
    for (const schema of set.byId.values()) ajv.addSchema(schema);
    bySet = new Map();
    for (const id of set.byId.keys()) bySet.set(id, ajv.getSchema(id)!);
    validators.set(set, bySet);
  }
  return bySet.get(modelId)!;
}

/** What breaks the model once the members it does not name are set aside: the first error, or undefined. */
export function namedMembersError(set: SchemaSet, modelId: string, value: Json): ErrorObject | undefined {
  if (set.ajv.getSchema(modelId)!(value)) return undefined;
  const validate = everyError(set, modelId);
  let rest = value;
  // a member set aside may have hidden another below it (an unnamed object's own members are not looked into)
  for (let round = 0; round < 64; round++) {
    if (validate(rest)) return undefined;
    const errors = validate.errors ?? [];
    const unnamed = errors.flatMap(unnamedMember);
    if (unnamed.length === 0) return errors[0];
    rest = unnamed.reduce<Json>((v, u) => withoutMember(v, u.at, u.name), rest);
  }
  return validate.errors?.[0];
}
