/** Keywords that only annotate: they never change which values are valid. */
export const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', '$defs', 'definitions', 'title', 'description', 'examples',
  'default', 'deprecated', 'readOnly', 'writeOnly',
]);

/** Keywords the compiler honours, grouped as the vocabulary files are. */
export const SUPPORTED = new Set([
  '$ref', 'type', 'enum', 'const', 'format',
  'properties', 'required', 'additionalProperties',
  'oneOf', 'anyOf', 'allOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern',
  'items', 'prefixItems', 'minItems', 'maxItems',
]);

/** `format` values that add nothing the generator must honour beyond `type`. */
export const NUMERIC_FORMATS = new Set(['double', 'float']);

export const isAnnotation = (k: string) => ANNOTATIONS.has(k) || k.startsWith('x-');
