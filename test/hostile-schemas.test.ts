/**
 * Schemas written to hurt (issue 24 §6): each is one short line and exit 2
 * naming the place and the limit, or a model that works. Nothing here times
 * anything: what was slow is counted, what hung is bounded by construction.
 */
import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakers, validValues, type SchemaSource } from '../arbitraries/index.js';
import { UsageError } from '../core/errors.js';
import { findModel, loadSchemaSet } from '../core/models.js';
import { catastrophicShape } from '../core/pattern-risk.js';
import { SCHEMA_LIMITS } from '../core/schema-limits.js';
import { orc } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'orc-hostile-'));
const HEAD = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Hostile' };
/** A model whose `k` is `field`. */
const withField = (field: unknown, extra: object = {}) => ({
  ...HEAD,
  type: 'object',
  required: ['type', 'k'],
  properties: { type: { const: 'x' }, k: field },
  ...extra,
});
const write = (name: string, schema: unknown) => {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify(schema));
  return f;
};
const nested = (levels: number) => {
  let s: object = { type: 'string' };
  for (let i = 0; i < levels; i++) s = { type: 'array', items: s };
  return { ...HEAD, ...s };
};

/** [what, schema, the one line (a pattern)] */
const REFUSED: [string, () => unknown, RegExp][] = [
  [
    'a ReDoS pattern inside allOf',
    () => withField({ type: 'string', allOf: [{ pattern: '^[a-z]+$' }, { pattern: '^(a+)+$' }] }),
    /the pattern at Hostile#\/properties\/k\/allOf\/1\/pattern may backtrack without end \(a repeated group around a repeat, as in \(a\+\)\+: "\(a\+\)"\)/,
  ],
  [
    'alternatives that start alike under a repeat',
    () => withField({ type: 'string', pattern: '^(a|aa)+b$' }),
    /the pattern at Hostile#\/properties\/k\/pattern may backtrack without end \(a repeated group whose alternatives can start alike/,
  ],
  [
    'minLength: 1e8',
    () => withField({ type: 'string', minLength: 1e8 }),
    new RegExp(`minLength 100000000 at Hostile#/properties/k/minLength is more than orc generates: strings of up to ${SCHEMA_LIMITS.minLength} code points`),
  ],
  [
    'minItems: 1e7',
    () => withField({ type: 'array', minItems: 1e7 }),
    new RegExp(`minItems 10000000 at Hostile#/properties/k/minItems is more than orc generates: arrays of up to ${SCHEMA_LIMITS.minItems} items`),
  ],
  [
    'a required $ref back to itself',
    () => withField({ $ref: '#/$defs/N' }, { $defs: { N: { type: 'object', required: ['n'], properties: { n: { $ref: '#/$defs/N' } } } } }),
    /values of the schema at .*#\/\$defs\/N\/properties\/n nest without end: .*make that recursion optional/,
  ],
  ['a non-empty array of itself', () => ({ ...HEAD, type: 'array', minItems: 1, items: { $ref: '#' } }), /values of the schema at .*#\/items nest without end/],
  [
    'a pattern of 200,000 alternatives',
    () => withField({ type: 'string', pattern: Array.from({ length: 200_000 }, (_, i) => `w${i}`).join('|') }),
    new RegExp(`the pattern at Hostile#/properties/k/pattern is 1488889 characters; orc takes patterns up to ${SCHEMA_LIMITS.patternLength}`),
  ],
  [
    'a pattern of 2 MB',
    () => withField({ type: 'string', pattern: 'a'.repeat(2_000_000) }),
    /the pattern at Hostile#\/properties\/k\/pattern is 2000000 characters; orc takes patterns up to/,
  ],
  [
    'a schema nested 300 levels deep (ajv ran out of stack)',
    () => nested(300),
    new RegExp(`schema Hostile nests deeper than ${SCHEMA_LIMITS.depth} levels at #/items/items.*; orc takes schemas up to ${SCHEMA_LIMITS.depth} levels deep`),
  ],
];

describe('a hostile --schema is one short line and exit 2', () => {
  it.each(REFUSED)('%s', (what, schema, line) => {
    const r = orc(['run', '--schema', write(what.replace(/\W+/g, '-'), schema()), '--model', 'Hostile', '--runs', '5', '--out', join(dir, 'out'), '--quiet']);
    expect(r.status, r.stderr.slice(0, 2000)).toBe(2);
    const errors = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('orc 0.'));
    expect(errors, r.stderr.slice(0, 2000)).toHaveLength(1);
    expect(errors[0]!.length).toBeLessThan(300);
    expect(errors[0]).toMatch(line);
    expect(errors[0]).not.toMatch(/internal error|call stack/);
  });

  it('orc list --schema meets the same limits', () => {
    const r = orc(['list', '--schema', write('list-2mb', withField({ type: 'string', pattern: 'a'.repeat(2_000_000) }))]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^orc: the pattern at Hostile#\/properties\/k\/pattern is 2000000 characters; orc takes patterns up to \d+$/);
  });

  it('an enum of 20,000 values runs', () => {
    // a model the reference expresses: string enums only, no other members
    const schema = {
      ...HEAD,
      type: 'object',
      required: ['type', 'k'],
      additionalProperties: false,
      properties: { type: { enum: ['x'] }, k: { enum: Array.from({ length: 20_000 }, (_, i) => `v${i}`) } },
    };
    const r = orc(['run', '--schema', write('enum-20k', schema), '--model', 'Hostile', '--runs', '5', '--out', join(dir, 'out-enum'), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('items that refer back to their array compile, every check is planned, and the reference passes them', () => {
    const r = orc([
      'run',
      '--schema',
      write('items-self', withField({ type: 'array', items: { $ref: '#/properties/k' } })),
      '--model',
      'Hostile',
      '--runs',
      '5',
      '--out',
      join(dir, 'out-items'),
      '--quiet',
    ]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/^orc: /m);
    expect(r.stdout).toContain('Every Required check passed.');
  });
});

describe('patterns that backtrack without end are found before anything runs them', () => {
  it.each(['^(a+)+$', '(a*)*', '^(a|aa)+b$', '(\\w+\\s?)+$', '(x+x+)+y', '(.*a){20}', '(?<n>a+){2,}', '((a+)-)+'])('refuses %s', (p) => {
    expect(catastrophicShape(p)).toBeDefined();
  });

  it.each([
    '^ig_[0-9a-f]+$',
    '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
    '^(Required|Recommended|Informational)\\.[A-Za-z]+\\.[A-Za-z0-9]+(\\..+)?$',
    '^(foo|bar)*$',
    '^(\\d+\\.){3}\\d+$',
    '^([a-z0-9]+-)*[a-z0-9]+$',
    '(\\d|x)+',
    '\\((a|b)\\)+',
    '[(]a+[)]+',
  ])('takes %s', (p) => {
    expect(catastrophicShape(p)).toBeUndefined();
  });

  it('a pattern inside enum or const data is data, not a pattern', () => {
    const f = write('pattern-in-data', withField({ enum: [{ pattern: '^(a+)+$' }], default: { pattern: 'a'.repeat(5000) } }));
    expect(() => loadSchemaSet([f])).not.toThrow();
  });
});

/** The oracle with every validator ajv hands out counted: `getSchema` (a place's own validator) and `compile` apart. */
function counted(source: SchemaSource) {
  const calls = { place: 0, compiled: 0 };
  const count = <F extends (...a: any[]) => any>(fn: F, key: keyof typeof calls) => Object.assign((...a: Parameters<F>) => (calls[key]++, fn(...a)), fn);
  const ajv = new Proxy(source.ajv, {
    get(target, prop, receiver) {
      if (prop === 'getSchema')
        return (id: string) => {
          const v = target.getSchema(id);
          return v && count(v, 'place');
        };
      if (prop === 'compile') return (s: object) => count(target.compile(s), 'compiled');
      return Reflect.get(target, prop, receiver);
    },
  });
  return { source: { byId: source.byId, ajv } as SchemaSource, calls };
}

describe('an enum of thousands compiles in linear work', () => {
  const N = 20_000;
  const set = loadSchemaSet([write('enum-count', withField({ type: 'string', pattern: '^v1', enum: Array.from({ length: N }, (_, i) => `v${i}`) }))]);
  const id = findModel(set, 'Hostile').id;

  it('each value is put to the oracle once per schema, not through a validator that scans the list', () => {
    const { source, calls } = counted(set);
    const values = fc.sample(validValues(source, id), { numRuns: 200, seed: 1 });
    validValues(source, id);
    breakers(source, id);
    // the place's own validator scans all N values: once per value, as before, made N²/2 comparisons
    expect(calls.place).toBeLessThan(1000);
    expect(calls.compiled).toBe(N);
    // still only values the oracle accepts: listed, and matching the pattern beside the enum
    const whole = set.ajv.getSchema(id)!;
    for (const v of values) expect(whole(v), JSON.stringify(v)).toBe(true);
    expect(new Set(values.map((v: any) => v.k)).size).toBeGreaterThan(50);
  });

  it('beside a oneOf, which the other keywords alone cannot decide, values are checked as they are drawn', () => {
    const nestedSet = loadSchemaSet([
      write(
        'enum-nested',
        withField({
          oneOf: [
            { type: 'string', pattern: '^v1' },
            { type: 'string', pattern: '^v2' },
          ],
          enum: Array.from({ length: N }, (_, i) => `v${i}`),
        }),
      ),
    ]);
    const nid = findModel(nestedSet, 'Hostile').id;
    const { source, calls } = counted(nestedSet);
    const values = fc.sample(validValues(source, nid), { numRuns: 200, seed: 2 });
    // probes and a check or two per drawn value (the branch's filter, then the oneOf's): not one per listed value
    expect(calls.place).toBeLessThan(N);
    const whole = nestedSet.ajv.getSchema(nid)!;
    for (const v of values) expect(whole(v), JSON.stringify(v)).toBe(true);
  });
});

describe('a schema that refers back to itself yields values of bounded depth, whatever the seed', () => {
  const depth = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
  const schemas = {
    'items: {$ref: "#"}': { ...HEAD, type: 'array', items: { $ref: '#' } },
    'three optional children': { ...HEAD, type: 'object', properties: { a: { $ref: '#' }, b: { $ref: '#' }, c: { $ref: '#' } } },
  };
  it.each(Object.entries(schemas))('%s', (name, schema) => {
    const set = loadSchemaSet([write(name.replace(/\W+/g, '-'), schema)]);
    const id = findModel(set, 'Hostile').id;
    const validate = set.ajv.getSchema(id)!;
    for (let seed = 0; seed < 20; seed++) {
      const values = fc.sample(validValues(set, id), { numRuns: 50, seed });
      for (const v of values) {
        expect(validate(v)).toBe(true);
        // each level of the schema's recursion is one object or array level, plus what smallJson adds beside it
        expect(depth(v)).toBeLessThanOrEqual(16 + 4);
      }
    }
    expect(breakers(set, id).length).toBeGreaterThan(0);
  });

  it('a required recursion is refused in process too, as a UsageError', () => {
    const set = loadSchemaSet([
      write('req-rec', withField({ $ref: '#/$defs/N' }, { $defs: { N: { type: 'object', required: ['n'], properties: { n: { $ref: '#/$defs/N' } } } } })),
    ]);
    expect(() => validValues(set, findModel(set, 'Hostile').id)).toThrow(UsageError);
  });
});
