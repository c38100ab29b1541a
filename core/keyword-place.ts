/** Keywords whose value is one subschema (2020-12 applicators, and `contentSchema`). */
export const ONE = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);
/** Keywords whose value is a list of subschemas. */
export const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas. */
export const MAP = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointer of the first place where `keyword` is a keyword of a
 * schema (not a property's name, nor a member of an example): ajv says which
 * keyword it refused, not where. Iterative: a document may be deep.
 */
export function placeOfKeyword(schema: unknown, keyword: string): string | undefined {
  const stack: { s: unknown; at: string }[] = [{ s: schema, at: '' }];
  while (stack.length > 0) {
    const { s, at } = stack.shift()!;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) continue;
    if (Object.hasOwn(s, keyword)) return `#${at}/${escape(keyword)}`;
    for (const [k, v] of Object.entries(s)) {
      const here = `${at}/${escape(k)}`;
      if (ONE.has(k)) stack.push({ s: v, at: here });
      else if (LIST.has(k) && Array.isArray(v)) v.forEach((x, i) => stack.push({ s: x, at: `${here}/${i}` }));
      else if (MAP.has(k) && typeof v === 'object' && v !== null) for (const [n, x] of Object.entries(v)) stack.push({ s: x, at: `${here}/${escape(n)}` });
    }
  }
  return undefined;
}
