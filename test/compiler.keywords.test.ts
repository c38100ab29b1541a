import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakers, invalidValues, validValues } from '../arbitraries/index.js';
import { UnsupportedKeywordError } from '../core/errors.js';
import type { ErrorObject } from '../core/oracle.js';
import { sourceOf } from './helpers/schemas.js';

/** Schemas beyond ours, one or two per keyword family, each checked against ajv. */
const SCHEMAS = {
  typeNull: { type: 'null' },
  typeBoolean: { type: 'boolean' },
  typeInteger: { type: 'integer' },
  typeNumber: { type: 'number' },
  typeString: { type: 'string' },
  typeArray: { type: 'array' },
  typeObject: { type: 'object' },
  typeList: { type: ['string', 'integer', 'null'] },
  anything: {},
  enumMixed: { enum: ['a', 'B', 3, true, null, { k: [1] }] },
  enumTyped: { type: 'string', enum: ['x.y_z', 'q'] },
  constValue: { const: 'only' },
  objectRequired: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' }, c: { type: 'boolean' } }, required: ['a', 'b'] },
  objectClosed: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
  objectAdditionalSchema: { type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: { type: 'string', maxLength: 3 } },
  refDefs: { type: 'object', properties: { p: { $ref: '#/$defs/P' } }, required: ['p'], $defs: { P: { type: 'integer', minimum: 1, maximum: 9 } } },
  recursiveTree: {
    type: 'object',
    properties: { v: { type: 'integer' }, kids: { type: 'array', items: { $ref: '#' }, maxItems: 3 } },
    required: ['v'],
    additionalProperties: false,
  },
  // a oneOf of $refs, the shape most users' unions have, and a union that recurses through itself
  oneOfRefs: {
    oneOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }],
    $defs: {
      A: { type: 'object', properties: { kind: { const: 'a' }, n: { type: 'integer' } }, required: ['kind', 'n'], additionalProperties: false },
      B: { type: 'object', properties: { kind: { const: 'b' }, s: { type: 'string' } }, required: ['kind', 's'], additionalProperties: false },
    },
  },
  recursiveUnion: { $ref: '#/$defs/Node', $defs: { Node: { oneOf: [{ type: 'integer' }, { type: 'array', items: { $ref: '#/$defs/Node' }, maxItems: 3 }] } } },
  oneOfShapes: {
    oneOf: [
      { type: 'string', maxLength: 2 },
      { type: 'integer', minimum: 10 },
      { type: 'object', properties: { t: { const: 'x' } }, required: ['t'] },
    ],
  },
  anyOfOverlap: {
    anyOf: [
      { type: 'number', maximum: 5 },
      { type: 'number', minimum: 3 },
    ],
  },
  allOfObjects: {
    allOf: [
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      { properties: { b: { type: 'integer' } }, required: ['b'] },
    ],
  },
  allOfBounds: { allOf: [{ type: 'number', minimum: 0 }, { maximum: 100 }, { multipleOf: 0.5 }] },
  numberBounds: { type: 'number', minimum: -2.5, exclusiveMaximum: 7 },
  numberExclusive: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  integerBounds: { type: 'integer', minimum: -3, maximum: 3 },
  multipleOfTenth: { type: 'number', multipleOf: 0.1, minimum: -100, maximum: 100 },
  multipleOfInt: { type: 'integer', multipleOf: 7 },
  stringLength: { type: 'string', minLength: 2, maxLength: 5 },
  stringPattern: { type: 'string', pattern: '^ig_[0-9a-f]{4,8}$' },
  stringPatternLength: { type: 'string', pattern: '[A-Z]', maxLength: 6 },
  arrayItems: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 4 },
  arrayPrefix: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }], items: false },
  arrayPrefixTail: { type: 'array', prefixItems: [{ const: 'head' }], items: { type: 'number' }, minItems: 2 },
  nested: {
    type: 'object',
    properties: {
      inner: { type: 'object', properties: { n: { type: 'number', minimum: 0 } }, required: ['n'], additionalProperties: false },
      tags: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    required: ['inner'],
  },
} as const;

const { source, ids } = sourceOf(SCHEMAS as any);

/** Where an ajv error puts the fault: the instance path, or for required and additional properties the member itself. */
function location(e: ErrorObject): string {
  if (e.keyword === 'required') return `${e.instancePath}/${(e.params as any).missingProperty}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${(e.params as any).additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return e.instancePath;
}

describe('valid(schema)', () => {
  for (const name of Object.keys(SCHEMAS)) {
    it(`${name}: every generated value validates`, () => {
      const validate = source.ajv.getSchema(ids[name]!)!;
      fc.assert(
        fc.property(validValues(source, ids[name]!), (v) => {
          expect(validate(v), JSON.stringify(validate.errors)).toBe(true);
        }),
        { numRuns: 300, seed: 11 },
      );
    });
  }

  it('the bundled union of the four events (a oneOf of $refs to other files) compiles: every value valid, every event type drawn', async () => {
    const { loadSchemaSet } = await import('../core/models.js');
    const set = loadSchemaSet();
    const id = 'https://openresponses-conformance.example/schema/ImageGenCallEvent.schema.json';
    const validate = set.ajv.getSchema(id)!;
    const values = fc.sample(validValues(set, id), { numRuns: 300, seed: 5 }) as { type: string }[];
    expect(values.every((v) => validate(v))).toBe(true);
    expect(new Set(values.map((v) => v.type)).size).toBe(4);
    expect(breakers(set, id).length).toBeGreaterThan(0);
    const recursive = fc.sample(validValues(source, ids.recursiveUnion!), { numRuns: 300, seed: 3 });
    expect(recursive.some((v) => Array.isArray(v) && v.some((k) => Array.isArray(k) && k.length > 0))).toBe(true);
  });

  it('recursive schemas produce nested values and still terminate', () => {
    const values = fc.sample(validValues(source, ids.recursiveTree!), { numRuns: 300, seed: 3 });
    expect(values.some((v: any) => v.kids?.some((k: any) => Array.isArray(k.kids) && k.kids.length > 0))).toBe(true);
  });

  it('oneOf values match exactly one branch', () => {
    const values = fc.sample(validValues(source, ids.oneOfShapes!), { numRuns: 200, seed: 5 });
    expect(new Set(values.map((v) => typeof v)).size).toBe(3);
  });
});

describe('invalid(schema)', () => {
  for (const name of Object.keys(SCHEMAS)) {
    it(`${name}: every value of every breaker fails ajv, at the place it names`, () => {
      const validate = source.ajv.getSchema(ids[name]!)!;
      // an open object's unnamed members are valid by design: UnknownFields cases, not rule breaks
      for (const b of breakers(source, ids[name]!).filter((b) => !b.accepted)) {
        fc.assert(
          fc.property(b.arbitrary, (bv) => {
            expect(validate(bv.value), `${b.rule} at ${bv.path}: ${JSON.stringify(bv.value)}`).toBe(false);
            expect(bv.rule).toBe(b.rule);
            if (!b.approximate) {
              const places = new Set(validate.errors!.map(location));
              expect([...places], `${b.rule} ${JSON.stringify(bv.value)}`).toEqual([bv.path]);
            }
          }),
          { numRuns: 60, seed: 9 },
        );
      }
    });
  }

  it('invalid(schema) mixes every family, each value labelled and failing ajv', () => {
    const validate = source.ajv.getSchema(ids.nested!)!;
    const seen = new Set<string>();
    fc.assert(
      fc.property(invalidValues(source, ids.nested!), (bv) => {
        seen.add(bv.rule);
        expect(validate(bv.value)).toBe(false);
      }),
      { numRuns: 400, seed: 2 },
    );
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('labels the rule families the issue names', () => {
    const rules = (name: keyof typeof SCHEMAS) => new Set(breakers(source, ids[name]!).map((b) => `${b.rule}@${b.field}`));
    expect(rules('objectRequired')).toEqual(
      new Set(['type@', 'null@', 'required@a', 'required@b', 'unnamedMember@*', 'type@a', 'null@a', 'type@b', 'null@b', 'type@c', 'null@c']),
    );
    expect(rules('objectClosed')).toContain('additionalProperties@*');
    expect(rules('enumTyped')).toContain('enum@');
    expect(rules('numberBounds')).toEqual(new Set(['type@', 'null@', 'minimum@', 'exclusiveMaximum@']));
    expect(rules('typeInteger')).toContain('type@');
    expect(rules('multipleOfTenth')).toContain('multipleOf@');
    expect(rules('stringLength')).toEqual(new Set(['type@', 'null@', 'minLength@', 'maxLength@']));
    expect(rules('stringPattern')).toContain('pattern@');
    expect(rules('arrayItems')).toEqual(new Set(['type@', 'null@', 'minItems@', 'maxItems@', 'type@*', 'null@*']));
    expect(rules('nested')).toContain('minimum@inner.n');
    expect(rules('refDefs')).toContain('maximum@p');
  });

  it('an integer-only field is broken by a fraction, labelled as a type fault', () => {
    const b = breakers(source, ids.typeInteger!).find((x) => x.rule === 'type')!;
    const values = fc.sample(b.arbitrary, { numRuns: 200, seed: 1 }).map((x) => x.value);
    expect(values.some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
  });
});

describe('unsupported keywords', () => {
  const cases: [string, object, string][] = [
    ['patternProperties', { type: 'object', patternProperties: { '^x': { type: 'string' } } }, '#'],
    ['if', { properties: { a: { if: { type: 'string' }, then: { minLength: 1 } } } }, '#/properties/a'],
    ['format', { type: 'string', format: 'email' }, '#'],
    ['uniqueItems', { type: 'array', items: { type: 'array', uniqueItems: true } }, '#/items'],
  ];
  for (const [keyword, schema, where] of cases) {
    it(`${keyword} is an error naming the keyword and the schema path`, () => {
      const { source: s, ids: i } = sourceOf({ bad: schema as any });
      let error: unknown;
      try {
        validValues(s, i.bad!);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnsupportedKeywordError);
      expect((error as Error).message).toContain(`"${keyword}"`);
      expect((error as Error).message).toContain(`bad.json${where}`);
    });
  }

  it('a $ref to an anchor is refused the same way', () => {
    const { source: s, ids: i } = sourceOf({ anchored: { $defs: { a: { $anchor: 'here', type: 'string' } }, $ref: '#here' } as any });
    expect(() => validValues(s, i.anchored!)).toThrow(UnsupportedKeywordError);
  });
});
