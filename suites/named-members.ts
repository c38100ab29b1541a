import type { Json } from '../core/json.js';
import type { SchemaSet } from '../core/models.js';
import type { ErrorObject } from '../core/oracle.js';
import { everyErrorValidator, setAsideUnnamed } from '../core/unnamed-members.js';

/**
 * Serializer output judged by what the model names. The schemas close their
 * objects so that the UnknownFields suite can make payloads with extra
 * members; a serializer that writes back a member it kept is judged by that
 * suite alone (`kept and written`), never by validating its output against
 * the closed schema. So the members the model does not name are set aside, at
 * every depth, and the rest is validated.
 */

/** What breaks the model once the members it does not name are set aside: the first error, or undefined. */
export function namedMembersError(set: SchemaSet, modelId: string, value: Json): ErrorObject | undefined {
  if (set.ajv.getSchema(modelId)!(value)) return undefined;
  return setAsideUnnamed(everyErrorValidator(set, modelId), value).errors[0];
}
