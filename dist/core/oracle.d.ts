import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
export type Ajv = InstanceType<typeof Ajv2020>;
/** Annotations our schemas carry for people and reports; they never constrain a value. */
export declare const ANNOTATION_KEYWORDS: readonly ["x-sdk-name", "x-sdk-enum-names", "x-event-type", "x-discriminator"];
/**
 * The validity oracle. strictSchema refuses unknown keywords (a typo is not
 * a silent no-op); strictNumbers makes a non-finite number invalid, since the
 * model's numbers are finite float64. The stylistic strict modes stay off:
 * they refuse schemas that JSON Schema allows.
 */
export declare function createAjv(options?: {
    allErrors?: boolean;
}): Ajv;
export type { AnySchema, ErrorObject, ValidateFunction };
