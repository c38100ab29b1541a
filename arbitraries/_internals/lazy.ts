import * as fc from 'fast-check';

/**
 * An arbitrary made on its first use: a breaker's values embed a whole valid
 * value around the broken place, and building (and probing) those for every
 * breaker of a nested schema cost seconds a run spent on checks it never ran.
 * The made arbitrary generates and shrinks as it would have unwrapped, so the
 * values drawn are the same.
 */
export class LazyArbitrary<T> extends fc.Arbitrary<T> {
  private made: fc.Arbitrary<T> | undefined;

  constructor(private readonly make: () => fc.Arbitrary<T>) {
    super();
  }

  /** Whether the arbitrary has been made yet. */
  get isMade(): boolean {
    return this.made !== undefined;
  }

  get underlying(): fc.Arbitrary<T> {
    return (this.made ??= this.make());
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.underlying.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.underlying.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.underlying.shrink(value, context);
  }
}

export function lazily<T>(make: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new LazyArbitrary(make);
}

/** A value made once, when first asked for. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
