import type { Adapter } from '../../core/contract.js';
import { referenceAdapter } from '../../adapters/reference/index.js';
import type { Json } from '../../core/json.js';
import { loadSchemaSet } from '../../core/models.js';
import { mapsParsed, twisted } from '../../mutants/mutant.js';

export const set = loadSchemaSet();
export const reference = () => referenceAdapter(set);
export const GENERATING = 'OpenResponsesImageGenCallGenerating';

/** A reference adapter with one defect, renamed so results say which. */
const broken = (name: string, change: (a: Adapter) => Partial<Adapter>): Adapter => twisted(set, name, change);

/** Parses, then keeps only the integer part of every number, as an int-typed SDK would. */
export const truncatesFractions = () => mapsParsed(set, 'truncates-fractions', (x) => (typeof x === 'number' ? Math.trunc(x) : x));

/** Fills a missing item_id with "" instead of refusing: required not enforced. */
export const acceptsMissingField = () =>
  broken('accepts-missing-field', (a) => ({
    parse: (m, p) => {
      const json = JSON.parse(new TextDecoder().decode(p));
      if (json && typeof json === 'object' && !Array.isArray(json) && !('item_id' in json)) {
        return a.parse(m, new TextEncoder().encode(JSON.stringify({ ...json, item_id: '' })));
      }
      return a.parse(m, p);
    },
  }));

/** Drops every character outside the Basic Multilingual Plane from strings. */
export const dropsNonBmp = () =>
  mapsParsed(set, 'drops-non-bmp', (x) => (typeof x === 'string' ? [...x].filter((c) => c.codePointAt(0)! <= 0xffff).join('') : x));

/** Serializes without item_id. */
export const serializesWithoutField = () =>
  broken('serializes-without-field', (a) => ({
    serialize: (m, v: Json) => {
      const { item_id: _dropped, ...rest } = v as Record<string, Json>;
      return { ok: true, bytes: new TextEncoder().encode(JSON.stringify(rest)) };
    },
  }));

/** Throws a TypeError on anything that is not an object, instead of a parse error. */
export const throwsOnNonObject = () =>
  broken('throws-on-non-object', (a) => ({
    parse: (m, p) => {
      const json = JSON.parse(new TextDecoder().decode(p));
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        return { ok: false, error: { kind: 'exception', message: 'TypeError: Cannot read properties of null' } };
      return a.parse(m, p);
    },
  }));

/** Throws from parse itself, past every guard of its own: the runner must record it and go on. */
export const throwsOutright = () =>
  broken('throws-outright', () => ({
    parse: () => {
      throw new RangeError('boom');
    },
  }));
