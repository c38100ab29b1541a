import { describe, expect, it } from 'vitest';
import { difference, show } from '../core/equality.js';
import { LosslessNumber } from '../core/json.js';

describe('comparing an answer with the value meant', () => {
  it('numbers are equal when their doubles are', () => {
    expect(difference(1, new LosslessNumber('1.0'))).toBeUndefined();
    expect(difference(1, new LosslessNumber('1e0'))).toBeUndefined();
    expect(difference(0.5, 0)).toMatch(/expected 0.5, got 0/);
    expect(difference(0, -0)).toBeUndefined();
  });

  it('an int64 answer is shown as answered, never rounded', () => {
    const answer = new LosslessNumber('9007199254740993');
    expect(show({ n: answer })).toBe('{"n":9007199254740993}');
    expect(difference({ n: 1 }, { n: answer })).toMatch(/9007199254740993/);
  });

  it('strings compare code unit by code unit', () => {
    expect(difference('e\u0301', '\u00e9')).toBeDefined();
    expect(difference('😀', '😀')).toBeUndefined();
  });

  it('reports a missing field, an added field and a wrong type', () => {
    expect(difference({ a: 1, b: 'x' }, { a: 1 })).toBe('/b: missing from the answer');
    expect(difference({ a: 1 }, { a: 1, z: 2 })).toBe('/z: not in the value, answered 2');
    expect(difference({ a: 1 }, { a: '1' })).toMatch(/expected the number 1/);
    expect(difference([1, 2], [1])).toMatch(/expected 2 items/);
  });
});
