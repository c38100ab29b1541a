import type { PropertyCheck } from '../core/check.js';
import { checkCases } from './run-check.js';

/** Generation shorter than this is repeated by each adapter instead of held: such lists are mostly the pools' own strings, and cost nothing to make. */
const KEEP_AFTER_MS = 2;

/**
 * Each check's cases, generated once per run and handed to every adapter
 * that runs the check, then dropped when the last of them has: generation
 * is paid once, and only the checks some adapter still owes are held.
 *
 * The cases are frozen, since every adapter after the first reads the same
 * objects: an in-process implementation that writes to its input fails with
 * its own TypeError instead of changing what the next one is given.
 */
export class SharedCases {
  private readonly entries = new Map<PropertyCheck, { cases?: unknown[]; owed: number }>();

  /** `owed`: how many adapters of the run will ask for, or pass by, each check. */
  constructor(
    owed: Map<PropertyCheck, number>,
    private readonly keepAfterMs = KEEP_AFTER_MS,
  ) {
    for (const [check, n] of owed) this.entries.set(check, { owed: n });
  }

  cases<T>(check: PropertyCheck<T>, seed: number, runs: number): T[] {
    const e = this.entries.get(check as PropertyCheck);
    if (e?.cases) return e.cases as T[];
    const started = performance.now();
    const cases = deepFreeze(checkCases(check, seed, runs));
    if (e && performance.now() - started >= this.keepAfterMs) e.cases = cases;
    return cases;
  }

  /** One adapter is done with the check: it ran it, could not, or the run stopped. */
  release(check: PropertyCheck): void {
    const e = this.entries.get(check);
    if (e && --e.owed <= 0) this.entries.delete(check);
  }

  /** Checks whose cases are held now (for tests of the bound). */
  get held(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.cases) n++;
    return n;
  }
}

function deepFreeze<T>(v: T): T {
  // typed arrays cannot be frozen while they hold elements; they are bytes a harness copies anyway
  if (typeof v !== 'object' || v === null || Object.isFrozen(v) || ArrayBuffer.isView(v)) return v;
  for (const x of Object.values(v)) deepFreeze(x);
  return Object.freeze(v);
}
