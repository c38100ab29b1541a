import * as fc from 'fast-check';
const PROBES = 200;
/** Below this share of accepted values a filter would spin; fast-check's filter retries without end. */
const MIN_SHARE = 0.02;
/**
 * `arb.filter(keep)` when enough of what `arb` yields passes, else undefined.
 * Decided on a fixed-seed sample, so the same schema always compiles the same way.
 */
export function filteredIfViable(arb, keep) {
    let sample;
    try {
        sample = fc.sample(arb, { numRuns: PROBES, seed: 0x5eed });
    }
    catch (e) {
        // a branch that recurses into a place still being built cannot be sampled yet: taken as viable
        if (/Lazy arbitrary .* not correctly initialized/.test(e.message))
            return arb.filter(keep);
        throw e;
    }
    const share = sample.filter(keep).length / sample.length;
    return share >= MIN_SHARE ? arb.filter(keep) : undefined;
}
//# sourceMappingURL=probe.js.map