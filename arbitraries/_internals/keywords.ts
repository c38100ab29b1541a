/** Keywords that only annotate: they never change which values are valid. */
export const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  // 2020-12's content vocabulary only annotates unless a validator opts in (ajv does not)
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  // the OpenAPI 3.1 Schema Object's own
  'discriminator',
  'example',
  'externalDocs',
  'xml',
]);

/** `format` values that add nothing the generator must honour beyond `type`. */
export const NUMERIC_FORMATS = new Set(['double', 'float']);

export const isAnnotation = (k: string) => ANNOTATIONS.has(k) || k.startsWith('x-');
