/** Times `fn` (which does `units` units of work) over alternating rounds; the median is what counts. */
export interface Measured {
  perSecond: number;
  medianMs: number;
  rounds: number[];
}

export async function measure(units: number, fn: () => unknown | Promise<unknown>, rounds = 7): Promise<Measured> {
  await fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const medianMs = sorted[Math.floor(sorted.length / 2)]!;
  return { perSecond: (units / medianMs) * 1000, medianMs, rounds: times.map((t) => Math.round(t * 10) / 10) };
}

/** Rounds every figure is measured in, at least: fewer give no spread worth printing. */
export const MIN_ROUNDS = 5;

/**
 * Two contenders measured in interleaved rounds, so that whatever else the
 * machine does at the time weighs on both alike. `roundRatios` is each
 * round's a-over-b speed: their min–max is the figure's spread.
 */
export async function compare(
  units: number,
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
  rounds = 7,
): Promise<{ a: Measured; b: Measured; ratio: number; roundRatios: number[] }> {
  const ta: number[] = [],
    tb: number[] = [];
  await a();
  await b();
  for (let i = 0; i < Math.max(MIN_ROUNDS, rounds); i++) {
    let t = performance.now();
    await a();
    ta.push(performance.now() - t);
    t = performance.now();
    await b();
    tb.push(performance.now() - t);
  }
  const summarize = (times: number[]): Measured => {
    const medianMs = [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
    return { perSecond: (units / medianMs) * 1000, medianMs, rounds: times.map((t) => Math.round(t * 10) / 10) };
  };
  const ma = summarize(ta),
    mb = summarize(tb);
  return { a: ma, b: mb, ratio: ma.perSecond / mb.perSecond, roundRatios: ta.map((t, i) => tb[i]! / t) };
}

/** A figure's spread as printed: its rounds' least and greatest ratio. */
export function spreadOf(roundRatios: readonly number[]): string {
  return `${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}×`;
}
