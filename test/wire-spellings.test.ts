import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validValues, wireSpellings } from '../arbitraries/index.js';
import { SPELLING_KINDS, spell } from '../arbitraries/wire/spellings.js';
import { numberSpellings } from '../arbitraries/wire/number-spellings.js';
import { NUMBER_POOL } from '../arbitraries/pools/numbers.js';
import { set, GENERATING } from './helpers/adapters.js';

const model = set.models.find((m) => m.name === GENERATING)!;
const values = validValues(set, model.id);

describe('wire spellings', () => {
  for (const kind of SPELLING_KINDS) {
    it(`${kind}: every spelling means the value`, () => {
      fc.assert(fc.property(wireSpellings(values, [kind]), ({ value, text }) => {
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        // the bytes sent are UTF-8 of the text: nothing may be lost in encoding
        expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text))).toBe(text);
      }), { numRuns: 300, seed: 4 });
    });

    it(`${kind}: spellings really vary`, () => {
      const texts = fc.sample(wireSpellings(values, [kind]), { numRuns: 200, seed: 2 });
      expect(texts.filter(({ value, text }) => text !== JSON.stringify(value)).length).toBeGreaterThan(50);
    });
  }

  it('an empty tape spells canonically, so shrinking the tape shrinks toward the plain text', () => {
    fc.assert(fc.property(values, (v) => {
      expect(spell(v, new Set(SPELLING_KINDS), [])).toBe(JSON.stringify(v));
    }), { numRuns: 200 });
  });

  it('every number spelling rounds to the same double', () => {
    for (const x of [...NUMBER_POOL, 1e21, 1e-7, 123.456, -2.5, 0.1]) {
      for (const s of numberSpellings(x)) expect(JSON.parse(s), `${s} for ${x}`).toBe(x === 0 ? 0 : x);
    }
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      for (const s of numberSpellings(x)) expect(JSON.parse(s) === x || (x === 0 && JSON.parse(s) === 0)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('includes the spellings the issue names for 1', () => {
    expect(numberSpellings(1)).toEqual(expect.arrayContaining(['1', '1.0', '1e0', '10E-1', '0.1e1']));
  });

  it('escapes a surrogate pair whole or not at all, and always escapes a lone surrogate', () => {
    for (let tape = 0; tape < 20; tape++) {
      const text = spell({ s: 'a😀\ud800b' }, new Set(['escapes']), [tape, tape >> 1, tape, tape]);
      expect(JSON.parse(text)).toEqual({ s: 'a😀\ud800b' });
      expect(text).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])(?<![\ud800-\udbff][\udc00-\udfff])/u);
    }
  });
});
