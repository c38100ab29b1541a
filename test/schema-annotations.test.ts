/**
 * Schemas as the field writes them (issue 21): the annotations of JSON Schema
 * 2020-12 and of OpenAPI 3.1 load, plan and change no verdict; a keyword that
 * is neither, a typo, is still one line and exit 2 naming it and its place.
 */
import * as fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakers, validValues } from '../arbitraries/index.js';
import { findModel, loadSchemaSet } from '../core/models.js';
import { orc } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'orc-annotations-'));
const write = (name: string, schema: unknown) => {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify(schema));
  return f;
};

/** Each annotation as the spec's schemas or OpenAPI 3.1 write it; some values would be refused were they read as constraints. */
const ANNOTATIONS: Record<string, unknown> = {
  discriminator: { propertyName: 'no_such_member', mapping: { a: '#/nowhere' } },
  // an example is data: its members named like keywords are not read as keywords, nor held to orc's limits
  example: { not: 'a string', pattern: '(a+)+', minLength: 1e9 },
  examples: [42],
  deprecated: true,
  readOnly: true,
  writeOnly: true,
  'x-openresponses-added-in': '2026-04-24',
  'x-enumDescriptions': { minimun: 'an x- value is not read as schema' },
  externalDocs: { url: 'https://example.com/docs', description: 'pattern' },
  xml: { name: 'annotated', wrapped: true },
  contentMediaType: 'application/json',
  contentEncoding: 'base64',
  $comment: 'a comment',
};

/** A flat, closed event, as the reference models it, carrying `annotations` at its root and on every property. */
const annotated = (title: string, annotations: Record<string, unknown>) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title,
  type: 'object',
  additionalProperties: false,
  required: ['type', 'item_id', 'sequence_number'],
  ...annotations,
  properties: {
    type: { type: 'string', enum: ['annotated.event'], default: 'annotated.event', ...annotations },
    item_id: { type: 'string', ...annotations },
    sequence_number: { type: 'integer', ...annotations },
    note: { type: 'string', ...annotations },
  },
});

describe('annotations load, plan and leave validity alone', () => {
  it.each(Object.keys(ANNOTATIONS))('%s', (keyword) => {
    const set = loadSchemaSet([write(`one-${keyword}`, annotated('Annotated', { [keyword]: ANNOTATIONS[keyword] }))]);
    const id = findModel(set, 'Annotated').id;
    const plain = loadSchemaSet([write(`plain-${keyword}`, annotated('Plain', {}))]);
    const validate = set.ajv.getSchema(id)!;
    const validatePlain = plain.ajv.getSchema(findModel(plain, 'Plain').id)!;
    // the same verdict as the schema without it, on valid values and on values breaking each rule
    for (const v of fc.sample(validValues(set, id), { numRuns: 30, seed: 1 })) expect([validate(v), validatePlain(v)]).toEqual([true, true]);
    const broken = breakers(set, id);
    expect(broken.length).toBeGreaterThan(0);
    for (const b of broken)
      for (const v of fc.sample(b.arbitrary, { numRuns: 3, seed: 1 })) expect([validate(v.value), validatePlain(v.value)]).toEqual([false, false]);
  });

  it('a schema carrying every one of them passes every Required check against the reference, none unsupported', () => {
    const out = join(dir, 'out-all');
    const r = orc([
      'run',
      '--schema',
      write('all', annotated('Annotated', ANNOTATIONS)),
      '--model',
      'Annotated',
      '--adapter',
      'reference',
      '--runs',
      '10',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { results: { level: string; status: string; id: string }[] };
    const required = report.results.filter((x) => x.level === 'Required');
    expect(required.length).toBeGreaterThan(20);
    expect(required.filter((x) => x.status !== 'passed').map((x) => `${x.id}: ${x.status}`)).toEqual([]);
  });
});

describe('a keyword that is neither 2020-12 nor an annotation is one line, exit 2, naming it and its place', () => {
  const refused: [string, unknown, RegExp][] = [
    [
      'a typo in a property',
      { ...annotated('Typo', {}), properties: { type: { enum: ['t'] }, n: { type: 'integer', minimun: 3 } } },
      /^orc: schema Typo has an unknown keyword "minimun" at #\/properties\/n\/minimun: .*; fix the schema file$/,
    ],
    [
      'a typo in a $defs schema reached through $ref',
      { ...annotated('Typo', {}), properties: { type: { enum: ['t'] }, n: { $ref: '#/$defs/N' } }, $defs: { N: { type: 'string', maxLenght: 3 } } },
      /^orc: schema Typo has an unknown keyword "maxLenght" at #\/\$defs\/N\/maxLenght: /,
    ],
    [
      // ajv knows it (it lets null through), so the compiler is what refuses it: it cannot honour it
      "OpenAPI 3.0's nullable, which changes validity",
      { ...annotated('Typo', {}), properties: { type: { enum: ['t'] }, n: { type: 'string', nullable: true } } },
      /^orc: the arbitrary compiler does not support "nullable" at .*#\/properties\/n; /,
    ],
    [
      'a typo under anyOf, beside a property and an example that are named like it',
      {
        ...annotated('Typo', {}),
        example: { minimun: 1 },
        properties: { type: { enum: ['t'] }, minimun: { type: 'string' }, n: { anyOf: [{ type: 'string' }, { type: 'integer', minimun: 3 }] } },
      },
      /^orc: schema Typo has an unknown keyword "minimun" at #\/properties\/n\/anyOf\/1\/minimun: /,
    ],
  ];
  it.each(refused)('%s', (what, schema, line) => {
    const r = orc(['run', '--schema', write(what.replace(/\W+/g, '-'), schema), '--model', 'Typo', '--runs', '5', '--out', join(dir, 'out-typo'), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(line);
  });
});
