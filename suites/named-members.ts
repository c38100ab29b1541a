import { namedPart } from '../arbitraries/index.js';
import type { Json } from '../core/json.js';
import type { SchemaSet } from '../core/models.js';
import type { ErrorObject } from '../core/oracle.js';

/**
 * Serializer output judged by what the model names. A member the model does
 * not name (one a closed object refuses, or an open one merely does not
 * name) is the UnknownFields suite's to judge (`kept and written`), never a
 * failure of the output's validity. So those members are set aside, at every
 * depth and inside the union branch the output matches, as the reference
 * parser sets them aside, and the rest is validated.
 */

/** What breaks the model once the members it does not name are set aside: the first error, or undefined. */
export function namedMembersError(set: SchemaSet, modelId: string, value: Json): ErrorObject | undefined {
  const validate = set.ajv.getSchema(modelId)!;
  if (validate(value)) return undefined;
  return validate(namedPart(set, modelId, value).value) ? undefined : validate.errors![0];
}
