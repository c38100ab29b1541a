import * as fc from 'fast-check';

const PROBES = 200;
/** Below this share of accepted values a filter would spin; fast-check's filter retries without end. */
const MIN_SHARE = 0.02;
/** The passes among PROBES draws that make a filter viable: MIN_SHARE of them. */
const NEEDED = Math.ceil(PROBES * MIN_SHARE);
/** The draws tried first: a filter that keeps most values is decided by them. */
const FIRST = 8;

/**
 * Whether `keep` passes at least MIN_SHARE of a fixed-seed sample of
 * PROBES values of `arb`. fast-check draws a sample's values in order (the
 * first n of a sample of 200 are the sample of n), so the answer is the one
 * 200 draws give, reached as soon as NEEDED values have passed, or as soon as
 * the draws left could not make up the difference: a filter that keeps most
 * values (nearly all of them) is decided in FIRST draws, not 200.
 */
export function viable<T>(arb: fc.Arbitrary<T>, keep: (t: T) => boolean): boolean {
  let passed = 0;
  let seen = 0;
  for (const n of [FIRST, PROBES]) {
    const sample = fc.sample(arb, { numRuns: n, seed: 0x5eed });
    for (; seen < sample.length; seen++) {
      if (keep(sample[seen]!)) passed++;
      if (passed >= NEEDED) return true;
      if (passed + (PROBES - seen - 1) < NEEDED) return false;
    }
  }
  return passed >= NEEDED;
}

/**
 * `arb.filter(keep)` when enough of what `arb` yields passes, else undefined.
 * Decided on a fixed-seed sample, so the same schema always compiles the same way.
 * `surely`, where given, implies `keep` and is tried first.
 */
export function filteredIfViable<T>(arb: fc.Arbitrary<T>, keep: (t: T) => boolean, surely?: (t: T) => boolean): fc.Arbitrary<T> | undefined {
  try {
    // `surely` keeps only values `keep` keeps, at less cost (no oracle): where it finds enough, so would `keep`
    return (surely && viable(arb, surely)) || viable(arb, keep) ? arb.filter(keep) : undefined;
  } catch (e) {
    // a branch that recurses into a place still being built cannot be sampled yet: taken as viable
    if (/Lazy arbitrary .* not correctly initialized/.test((e as Error).message)) return arb.filter(keep);
    throw e;
  }
}
