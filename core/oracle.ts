import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';

export type Ajv = InstanceType<typeof Ajv2020>;

// ajv loads when a validator is first made, not with every module that can make one: `orc list` and `--help` make none
const require = createRequire(import.meta.url);
let ajvClass: typeof Ajv2020 | undefined;

/**
 * Keywords that annotate and never constrain a value, beyond those 2020-12
 * names itself (`deprecated`, `readOnly`, `examples`…): this project's own,
 * and the OpenAPI 3.1 Schema Object's, which the spec's schemas carry. Every
 * `x-*` keyword is one too, whatever its name (see createAjv).
 */
export const ANNOTATION_KEYWORDS = [
  'x-sdk-name',
  'x-sdk-enum-names',
  'x-event-type',
  'x-discriminator',
  'discriminator',
  'example',
  'externalDocs',
  'xml',
] as const;

const UNKNOWN_KEYWORD = /^strict mode: unknown keyword: "(.*)"$/;

/** The keyword an ajv error refuses as unknown, if that is what it says. */
export function unknownKeywordOf(message: string): string | undefined {
  return UNKNOWN_KEYWORD.exec(message)?.[1];
}

/**
 * The validity oracle. Strict schema mode refuses unknown keywords (a typo is
 * not a silent no-op), except an `x-*` extension, which OpenAPI 3.1 allows of
 * any name: ajv's strict mode is set to "log" so that its one logger decides,
 * and every other strict message still throws. strictNumbers makes a
 * non-finite number invalid, since the model's numbers are finite float64.
 * The stylistic strict modes stay off: they refuse schemas that JSON Schema allows.
 */
export function createAjv(options: { allErrors?: boolean; validateSchema?: boolean } = {}): Ajv {
  ajvClass ??= (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020;
  const ajv = new ajvClass({
    strictSchema: 'log',
    logger: {
      log: console.log,
      error: console.error,
      warn(message: unknown) {
        if (typeof message !== 'string' || !message.startsWith('strict mode: ')) return console.warn(message);
        if (unknownKeywordOf(message)?.startsWith('x-')) return;
        throw new Error(message);
      },
    },
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // formats are annotations, as 2020-12 makes them by default; the compiler refuses those it cannot honour
    validateFormats: false,
    allErrors: options.allErrors ?? false,
    validateSchema: options.validateSchema ?? true,
  });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}

export type { AnySchema, ErrorObject, ValidateFunction };
