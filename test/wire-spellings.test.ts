import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validValues, wireSpellings } from '../arbitraries/index.js';
import { ESCAPE_TAIL, SPELLING_KINDS, spell } from '../arbitraries/wire/spellings.js';
import { planChecks } from '../runner/plan.js';
import { byId, runChecks } from './helpers/run.js';
import type { Adapter, ParseOutcome } from '../core/contract.js';
import { numberSpellings } from '../arbitraries/wire/number-spellings.js';
import { NUMBER_POOL } from '../arbitraries/pools/numbers.js';
import { GENERATING, reference, set } from './helpers/adapters.js';

const model = set.models.find((m) => m.name === GENERATING)!;
const values = validValues(set, model.id);

describe('wire spellings', () => {
  for (const kind of SPELLING_KINDS) {
    it(`${kind}: every spelling means the value`, () => {
      fc.assert(
        fc.property(wireSpellings(values, [kind]), ({ value, text }) => {
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
          // the bytes sent are UTF-8 of the text: nothing may be lost in encoding
          expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text))).toBe(text);
        }),
        { numRuns: 300, seed: 4 },
      );
    });

    it(`${kind}: spellings really vary`, () => {
      const texts = fc.sample(wireSpellings(values, [kind]), { numRuns: 200, seed: 2 });
      expect(texts.filter(({ value, text }) => text !== JSON.stringify(value)).length).toBeGreaterThan(50);
    });
  }

  it('an empty tape spells canonically, so shrinking the tape shrinks toward the plain text', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(spell(v, new Set(SPELLING_KINDS), [])).toBe(JSON.stringify(v));
      }),
      { numRuns: 200 },
    );
  });

  it('every number spelling rounds to the same double', () => {
    for (const x of [...NUMBER_POOL, 1e21, 1e-7, 123.456, -2.5, 0.1]) {
      for (const s of numberSpellings(x)) expect(JSON.parse(s), `${s} for ${x}`).toBe(x === 0 ? 0 : x);
    }
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const s of numberSpellings(x)) expect(JSON.parse(s) === x || (x === 0 && JSON.parse(s) === 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
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

  it('every case of UnicodeEscapes, for every model and seed, sends each short escape and \\u escapes', () => {
    expect(JSON.parse(`"${ESCAPE_TAIL.text}"`)).toBe(ESCAPE_TAIL.value);
    for (const short of ['\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\"', '\\\\', '\\u00E9', '\\ud83d\\ude00']) expect(ESCAPE_TAIL.text).toContain(short);
    // the tail goes after a top-level string (suites/wire-spellings.ts): a model whose strings are all nested (the
    // spec's error and lifecycle events) has its escapes drawn by the spelling tape alone, not every case
    const topLevelString = (m: (typeof set.models)[number]) =>
      Object.entries<any>(m.schema.properties ?? {}).some(([k, s]) => s.type === 'string' && !s.enum && s.const === undefined && k !== 'type');
    for (const m of set.models.filter(topLevelString)) {
      const check = planChecks({ set, models: [m], suite: 'Recommended.WireSpelling.UnicodeEscapes' })[0]!;
      if (check.mode !== 'property') throw new Error('a property');
      for (let seed = 1; seed <= 5; seed++) {
        for (const c of fc.sample(check.arbitrary, { numRuns: 30, seed }) as { text: string }[])
          expect(c.text, `${m.name}, seed ${seed}`).toContain(ESCAPE_TAIL.text);
      }
    }
  });

  // every case carries \/, so a run of five cases catches it: a tape that chose it now and then would not
  it('a parser that reads \\/ as two characters fails UnicodeEscapes at every seed, in five cases', async () => {
    const base = reference();
    const twoChars: Adapter = {
      ...base,
      info: { ...base.info, name: 'slash-two-chars' },
      parse: (m, p) => base.parse(m, new TextEncoder().encode(new TextDecoder().decode(p).replace(/(?<!\\)((?:\\\\)*)\\\//g, '$1\\\\/'))) as ParseOutcome,
    };
    for (let seed = 1; seed <= 11; seed++) {
      const r = byId(
        await runChecks(twoChars, { model: GENERATING, suite: 'Recommended.WireSpelling.UnicodeEscapes', seed, runs: 5 }),
        'Recommended.WireSpelling.UnicodeEscapes',
      );
      expect(r.status, `seed ${seed}`).toBe('failed');
    }
  });
});
