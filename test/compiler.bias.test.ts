import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validValues } from '../arbitraries/index.js';
import { sourceOf } from './helpers/schemas.js';

const { source, ids } = sourceOf({ n: { type: 'number' }, s: { type: 'string' } });
const numbers = fc.sample(validValues(source, ids.n!), { numRuns: 4000, seed: 1 }) as number[];
const strings = fc.sample(validValues(source, ids.s!), { numRuns: 4000, seed: 1 }) as string[];
const hasLoneSurrogate = (s: string) => /(?:[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/.test(s);

describe('valid values lean toward what breaks implementations', () => {
  it.each([
    ['-0', (x: number) => Object.is(x, -0)],
    ['0', (x: number) => Object.is(x, 0)],
    ['5e-324', (x: number) => x === 5e-324],
    ['max double', (x: number) => Math.abs(x) === Number.MAX_VALUE],
    ['2^53 - 1', (x: number) => x === 2 ** 53 - 1],
    ['2^53', (x: number) => x === 2 ** 53],
    ['2^63', (x: number) => x === 2 ** 63],
    ['a fraction', (x: number) => !Number.isInteger(x)],
    ['a large exponent', (x: number) => Math.abs(x) >= 1e100],
  ])('numbers include %s', (_, test) => {
    expect(numbers.some(test)).toBe(true);
  });

  it.each([
    ['the empty string', (s: string) => s === ''],
    ['whitespace only', (s: string) => s.length > 0 && s.trim() === ''],
    ['NUL', (s: string) => s.includes('\u0000')],
    ['other controls', (s: string) => /[\u0001-\u001f]/.test(s)],
    ['non-BMP characters', (s: string) => /[\ud800-\udbff][\udc00-\udfff]/.test(s)],
    ['combining marks', (s: string) => /[\u0300-\u036f]/.test(s)],
    ['right-to-left text', (s: string) => /[\u0590-\u06ff]/.test(s)],
    ['U+2028 or U+2029', (s: string) => /[\u2028\u2029]/.test(s)],
    ['a very long string', (s: string) => s.length >= 10_000],
  ])('strings include %s', (_, test) => {
    expect(strings.some(test)).toBe(true);
  });

  it('lone surrogates only when asked for (the Informational level)', () => {
    expect(strings.some(hasLoneSurrogate)).toBe(false);
    const withLone = fc.sample(validValues(source, ids.s!, { loneSurrogates: true }), { numRuns: 2000, seed: 2 }) as string[];
    expect(withLone.some(hasLoneSurrogate)).toBe(true);
  });
});
