import { LONE_SURROGATES } from '../arbitraries/pools/strings.js';
import type { SuiteContext } from '../core/check.js';
import { fieldsOfType, typicalValue, withRawMember } from './typical.js';

/** A valid payload but for one implementation-defined member, and what that member was. */
export interface ImplementationDefinedPayload {
  kind: 'overflow' | 'negative-zero' | 'beyond-double' | 'lone-surrogate' | 'duplicate-key';
  field: string;
  label: string;
  /** The member's JSON text (for a duplicate key: the two, NUL-separated). */
  literal: string;
  text: string;
}

/**
 * The payloads the ImplementationDefined observations send, one list, so
 * that what a serializer writes after reading each of them is checked too.
 */
export function implementationDefinedPayloads(ctx: SuiteContext): ImplementationDefinedPayload[] {
  const base = typicalValue(ctx);
  const out: ImplementationDefinedPayload[] = [];
  const add = (kind: ImplementationDefinedPayload['kind'], field: string, label: string, literal: string) =>
    out.push({ kind, field, label, literal, text: withRawMember(base, field, literal) });
  for (const f of fieldsOfType(ctx, 'number')) {
    add('overflow', f, '1e400', '1e400');
    add('overflow', f, '-1e400', '-1e400');
    add('overflow', f, '1e-400 (underflows to 0)', '1e-400');
    add('negative-zero', f, '-0', '-0');
    add('negative-zero', f, '-0.0', '-0.0');
    add('beyond-double', f, '2^53+1', '9007199254740993');
    add('beyond-double', f, '2^63', '9223372036854775808');
    add('beyond-double', f, '2^64+1', '18446744073709551617');
  }
  // JSON text with \u escapes for lone surrogates, which no UTF-8 byte sequence can carry
  for (const f of fieldsOfType(ctx, 'string')) for (const s of LONE_SURROGATES) add('lone-surrogate', f, JSON.stringify(s), JSON.stringify(s));
  const [dup] = [...fieldsOfType(ctx, 'string'), ...fieldsOfType(ctx, 'number')];
  if (dup) {
    const first = typeof base[dup] === 'number' ? '1' : '"first"';
    const second = typeof base[dup] === 'number' ? '2' : '"second"';
    out.push({
      kind: 'duplicate-key',
      field: dup,
      label: `${first} then ${second}`,
      literal: `${first}\u0000${second}`,
      text: withRawMember(base, dup, first).replace(/}$/, `,${JSON.stringify(dup)}:${second}}`),
    });
  }
  return out;
}
