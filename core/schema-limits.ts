import { UsageError } from './errors.js';
import { catastrophicShape } from './pattern-risk.js';

/**
 * The bounds a user's schema meets before ajv or the generator sees it: past
 * them a schema hung or crashed the process; within them it compiles in
 * time and memory that do not depend on what the file asks for.
 */
export const SCHEMA_LIMITS = {
  /** Characters in one `pattern`: fast-check's regex generator recurses per alternative and slows past this. */
  patternLength: 1000,
  /** `minLength`: every value, its 200 probes and its copies in each report are at least this long. */
  minLength: 65_536,
  /** `minItems`: the same, per item, and items can be objects. */
  minItems: 1024,
  /** Levels of JSON nesting in a schema document: ajv compiles recursively and runs out of stack near 500. */
  depth: 128,
} as const;

/** Values that are data or annotations, not schemas: a `pattern` key inside one is not a pattern. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example', 'discriminator', 'externalDocs', 'xml']);

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Checks one schema document against SCHEMA_LIMITS; `name` says which in the error. Iterative: the document may be deeper than the stack. */
export function checkSchemaLimits(schema: unknown, name: string): void {
  const stack: { value: unknown; pointer: string; depth: number; data: boolean }[] = [{ value: schema, pointer: '', depth: 1, data: false }];
  while (stack.length > 0) {
    const { value, pointer, depth, data } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > SCHEMA_LIMITS.depth) {
      throw new UsageError(
        `schema ${clip(name, 60)} nests deeper than ${SCHEMA_LIMITS.depth} levels at #${clip(pointer, 80)}; orc takes schemas up to ${SCHEMA_LIMITS.depth} levels deep`,
      );
    }
    const keywords = !data && !Array.isArray(value);
    for (const [k, v] of Object.entries(value)) {
      const at = `${clip(name, 60)}#${clip(`${pointer}/${k}`, 80)}`;
      if (keywords && k === 'pattern' && typeof v === 'string') checkPattern(v, at);
      if (keywords && k === 'minLength' && typeof v === 'number' && v > SCHEMA_LIMITS.minLength) {
        throw new UsageError(`minLength ${v} at ${at} is more than orc generates: strings of up to ${SCHEMA_LIMITS.minLength} code points; lower it`);
      }
      if (keywords && k === 'minItems' && typeof v === 'number' && v > SCHEMA_LIMITS.minItems) {
        throw new UsageError(`minItems ${v} at ${at} is more than orc generates: arrays of up to ${SCHEMA_LIMITS.minItems} items; lower it`);
      }
      // within data only the depth counts
      stack.push({ value: v, pointer: `${pointer}/${k}`, depth: depth + 1, data: data || (keywords && (DATA_KEYWORDS.has(k) || k.startsWith('x-'))) });
    }
  }
}

function checkPattern(p: string, at: string): void {
  if (p.length > SCHEMA_LIMITS.patternLength) {
    throw new UsageError(`the pattern at ${at} is ${p.length} characters; orc takes patterns up to ${SCHEMA_LIMITS.patternLength}`);
  }
  try {
    new RegExp(p, 'u');
  } catch (e) {
    throw new UsageError(`the pattern at ${at} is not a regular expression (${clip((e as Error).message)})`);
  }
  const shape = catastrophicShape(p);
  if (shape)
    throw new UsageError(
      `the pattern at ${at} may backtrack without end (${shape}); orc refuses such patterns, since JavaScript cannot stop a regex that runs`,
    );
}
