import * as fc from 'fast-check';
import type { Json } from '../core/json.js';
import type { CheckDraft, SuiteContext } from '../core/check.js';
import { fieldsOfType, typicalValue, withRawMember } from './typical.js';
import { expectParsedIfCanonicalIs, shownPayload } from './verdicts.js';

interface Spelled {
  literal: string;
  text: string;
  /** The same payload with the member spelled 0: what the parse must give, and what the implementation must accept first. */
  expected: Json;
}

const LITERALS = ['-0', '-0.0'];

/**
 * `-0` and `-0.0` are valid JSON numbers (JSONTestSuite's
 * y_number_minus_zero): refusing one is a Required failure. Whether the sign
 * survives is implementation-defined and stays with
 * Informational.ImplDefined.NegativeZero, so the value is compared as a
 * double, where -0 equals 0. A field whose schema refuses -0 has no check.
 */
export function negativeZeroChecks(ctx: SuiteContext): CheckDraft<Spelled>[] {
  const validate = ctx.set.ajv.getSchema(ctx.model.id)!;
  const typical = typicalValue(ctx);
  const required = new Set<string>(ctx.model.schema.required ?? []);
  // the typical value, and the same with its required members alone, in case the implementation refuses an optional one's plain value
  const bases = [typical, Object.fromEntries(Object.entries(typical).filter(([k]) => required.has(k)))].filter(
    (b, i, all) => i === 0 || JSON.stringify(b) !== JSON.stringify(all[0]),
  );
  const checks: CheckDraft<Spelled>[] = [];
  for (const field of fieldsOfType(ctx, 'number')) {
    const spellings = bases
      .filter((b) => field in b && validate({ ...b, [field]: -0 }))
      .flatMap((b) => LITERALS.map((literal) => ({ literal, text: withRawMember(b, field, literal), expected: { ...b, [field]: 0 } })));
    if (spellings.length === 0) continue;
    checks.push({
      name: `AcceptsNegativeZero.${field}`,
      level: 'Required',
      mode: 'property',
      needs: ['parse'],
      description: `payloads whose ${field} is spelled -0 or -0.0 are accepted, ${field} read as zero (its sign is Informational)`,
      arbitrary: fc.constantFrom(...spellings),
      cases: () => spellings,
      show: (c) => shownPayload(c.text, `${field} spelled ${c.literal}`),
      // held to the same payload with 0: a refusal of that is AcceptsValid's to report, not this check's
      evaluate: (adapter, c) => expectParsedIfCanonicalIs(adapter, ctx.model.name, c.expected, c.text, c.expected),
    });
  }
  return checks;
}
