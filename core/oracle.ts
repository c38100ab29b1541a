import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';

export type Ajv = InstanceType<typeof Ajv2020>;

/** Annotations our schemas carry for people and reports; they never constrain a value. */
export const ANNOTATION_KEYWORDS = ['x-sdk-name', 'x-sdk-enum-names', 'x-event-type', 'x-discriminator'] as const;

/**
 * The validity oracle. strictSchema refuses unknown keywords (a typo is not
 * a silent no-op); strictNumbers makes a non-finite number invalid, since the
 * model's numbers are finite float64. The stylistic strict modes stay off:
 * they refuse schemas that JSON Schema allows.
 */
export function createAjv(options: { allErrors?: boolean } = {}): Ajv {
  const ajv = new Ajv2020({
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // formats are annotations, as 2020-12 makes them by default; the compiler refuses those it cannot honour
    validateFormats: false,
    allErrors: options.allErrors ?? false,
  });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}

export type { AnySchema, ErrorObject, ValidateFunction };
