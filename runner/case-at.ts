import * as fc from 'fast-check';
import type { PropertyCheck } from '../core/check.js';
import { UsageError } from '../core/errors.js';

/** The path of the i-th case of a check that lists its cases: every one is run, none is drawn. */
export const listedPath = (i: number) => `case:${i}`;

/** The case a replay token names: the one fast-check generates at `path` under `seed`, or a listed one. */
export function caseAt<T>(check: PropertyCheck<T>, seed: number, path: string): T {
  const listed = /^case:(\d+)$/.exec(path);
  if (listed) {
    const t = check.cases?.()[Number(listed[1])];
    if (t === undefined) throw new UsageError('the replay token names a case that no longer exists; run the check again for a new token');
    return t;
  }
  let found: { t: T } | undefined;
  try {
    fc.check(
      fc.property(check.arbitrary, (t) => {
        found = { t };
        return false;
      }),
      { seed, path, endOnFailure: true, numRuns: 1 },
    );
  } catch {
    found = undefined;
  }
  if (!found) throw new UsageError('the replay token names a case that no longer exists; run the check again for a new token');
  return found.t;
}
