import type { Mutant } from './mutant.js';
import { PARSE_MUTANTS } from './parse.js';
import { REJECT_MUTANTS } from './reject.js';
import { ROBUSTNESS_MUTANTS } from './robustness.js';
import { ROUND_TRIP_MUTANTS } from './round-trip.js';
import { SERIALIZE_MUTANTS } from './serialize.js';
import { SPELLING_MUTANTS } from './spellings.js';
import { SSE_MUTANTS } from './sse.js';

export type { Category, Mutant } from './mutant.js';
export { CATEGORIES } from './mutant.js';

/** Every broken implementation the suite is measured against, by category. */
export const MUTANTS: readonly Mutant[] = [
  ...PARSE_MUTANTS,
  ...REJECT_MUTANTS,
  ...SERIALIZE_MUTANTS,
  ...ROUND_TRIP_MUTANTS,
  ...SPELLING_MUTANTS,
  ...SSE_MUTANTS,
  ...ROBUSTNESS_MUTANTS,
];

/**
 * Mutants whose behaviour is not a bug, each with why: a check that failed
 * them would be a false verdict. They are run like the others and must survive.
 */
export const CONTROLS: Readonly<Record<string, string>> = {
  'sse-plain-decoder': 'a second, correct decoder: every Sse check must pass it',
  'sse-dispatches-unterminated': 'dispatching an event the stream never closed is implementation-defined: Informational.Sse.MissingFinalBlankLine records it',
};

/** Bugs the default run lets through, each with why it is not caught (filled in from `npm run mutation`). */
export const SURVIVORS: Readonly<Record<string, string>> = {};
