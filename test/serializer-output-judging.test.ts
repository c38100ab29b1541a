/**
 * How a serializer's output is judged (issue 19 §4): members the model does not name are the
 * UnknownFields suite's alone, at every depth; a name given twice is said as what it is, not "not
 * JSON"; a value the SDK's type cannot hold is the harness's answer, never the serializer's refusal.
 */
import { describe, expect, it } from 'vitest';
import { failure, type Adapter } from '../core/contract.js';
import type { Json } from '../core/json.js';
import { loadSchemaSet } from '../core/models.js';
import { twisted, bytes, text } from '../mutants/mutant.js';
import { schemaVerdict } from '../suites/verdicts.js';
import { repeatedName } from '../suites/repeated-names.js';
import { GENERATING, set } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';

/** Writes back the payload it read, unknown members and all: a gateway that keeps what it does not know. */
const keepsUnknown = (): Adapter =>
  twisted(set, 'keeps-unknown', (ref) => ({
    reserialize: (m, p) => {
      const r = ref.parse(m, p);
      return 'ok' in r && r.ok ? { ok: true, bytes: bytes(JSON.stringify(JSON.parse(text(p)))) } : (r as ReturnType<typeof failure>);
    },
  }));

/** Writes item_id twice: an empty one before the real one, or after it. */
const writesItemIdTwice = (emptyLast: boolean): Adapter =>
  twisted(set, 'writes-item-id-twice', (ref) => ({
    serialize: (m, v) => {
      const o = ref.serialize(m, v);
      if (!('ok' in o) || !o.ok) return o;
      return { ok: true, bytes: bytes(emptyLast ? text(o.bytes).replace(/\}$/, ',"item_id":""}') : text(o.bytes).replace(/^\{/, '{"item_id":"",')) };
    },
  }));

/** An int64 SDK's harness: a fraction cannot be put in its type, so its serializer never sees it. */
const intTyped = (): Adapter =>
  twisted(set, 'int-typed', (ref) => ({
    serialize: (m, v) => {
      const bad = Object.entries(v as Record<string, Json>).find(([, x]) => typeof x === 'number' && !Number.isInteger(x));
      return bad ? failure('unrepresentable', `${bad[0]}: ${bad[1]} is unrepresentable in the SDK's type int64`) : ref.serialize(m, v);
    },
  }));

describe('members the model does not name', () => {
  it('a serializer that writes back an unknown field it kept passes AlwaysWritesValidJson; UnknownFields says kept and written', async () => {
    const r = await runChecks(keepsUnknown(), {
      model: GENERATING,
      suite: 'Required.Serialize.AlwaysWritesValidJson,Informational.UnknownFields.Reserialized',
    });
    expect(byId(r, 'Required.Serialize.AlwaysWritesValidJson').status).toBe('passed');
    const seen = byId(r, 'Informational.UnknownFields.Reserialized').observations!.map((o) => o.behaviour);
    expect(seen).toEqual(['kept and written', 'kept and written']);
  });

  it('are set aside at every depth, and only they: a real error below them still fails', () => {
    const nested = loadSchemaSet([
      {
        file: '/tmp/nested.schema.json',
        schema: {
          $id: 'https://example.test/nested.schema.json',
          title: 'Nested',
          type: 'object',
          additionalProperties: false,
          required: ['a'],
          properties: {
            a: {
              type: 'object',
              additionalProperties: false,
              required: ['b'],
              properties: { b: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { c: { type: 'string' } } } } },
            },
          },
        },
      },
    ]);
    const id = 'https://example.test/nested.schema.json';
    expect(schemaVerdict(nested, id, { a: { b: [{ c: 'x', extra: 1 }], more: { deep: true } }, top: 0 }, '…')).toEqual({ status: 'pass' });
    expect(schemaVerdict(nested, id, { a: { b: [{ c: 1, extra: 1 }] }, top: 0 }, '…')).toMatchObject({
      status: 'fail',
      message: 'output breaks the schema: /a/b/0/c must be string',
    });
    expect(schemaVerdict(nested, id, { top: 0 }, '…')).toMatchObject({
      status: 'fail',
      message: "output breaks the schema: / must have required property 'a'",
    });
  });

  it('inside a union of closed branches, are set aside for the branch the output matches: the members it names stay', () => {
    const branch = (type: string, member: string) => ({
      type: 'object',
      additionalProperties: false,
      required: ['type', member],
      properties: { type: { const: type }, [member]: { type: 'string' } },
    });
    const union = loadSchemaSet([
      {
        file: '/tmp/union.schema.json',
        schema: {
          $id: 'https://example.test/union.schema.json',
          title: 'Union',
          type: 'object',
          required: ['part'],
          properties: { part: { oneOf: [branch('text', 'text'), branch('refusal', 'refusal')] } },
        },
      },
    ]);
    const id = 'https://example.test/union.schema.json';
    // the other branch refuses `refusal` as a member it does not name: that must not take it from the branch that names it
    expect(schemaVerdict(union, id, { part: { type: 'refusal', refusal: 'no', kept: 1 } }, '…')).toEqual({ status: 'pass' });
    expect(schemaVerdict(union, id, { part: { type: 'refusal', refusal: 5, kept: 1 } }, '…')).toMatchObject({ status: 'fail' });
  });
});

describe('a name given twice', () => {
  it('is found in any object, and is not a repeated string value', () => {
    expect(repeatedName('{"a":1,"b":{"c":1,"c":2}}')).toBe('c');
    expect(repeatedName('{"a":"a","b":["a","a"],"c":{"a":"a"}}')).toBeUndefined();
    expect(repeatedName('{"a":1,"a":2')).toBeUndefined();
  });

  it('is JSON, judged on what most readers take (the last value) and never failed for the repetition; observations say it', async () => {
    const suite = 'Required.Serialize.OutputIsJson,Required.Serialize.OutputValidates,Required.Serialize.PreservesValue,Informational.Serialize.KeyOrder';
    const r = await runChecks(writesItemIdTwice(false), { model: GENERATING, suite });
    for (const id of ['Required.Serialize.OutputIsJson', 'Required.Serialize.OutputValidates', 'Required.Serialize.PreservesValue'])
      expect(byId(r, id).status, id).toBe('passed');
    const [seen] = byId(r, 'Informational.Serialize.KeyOrder').observations!;
    expect(seen!.behaviour).toBe('other order (a name twice)');
    expect(seen!.outcome).toContain('JSON that gives "item_id" twice in one object with two values: RFC 8259 says names SHOULD be unique');
    // the last value is not the one given: a failure for what the output says, not for being "not JSON"
    const last = byId(await runChecks(writesItemIdTwice(true), { model: GENERATING, suite }), 'Required.Serialize.PreservesValue').failure!;
    expect(last.kind).toBe('mismatch');
    expect(last.message).toMatch(/^\/item_id\[0\]: expected ".*, got ""$/);
  });
});

describe("a value the SDK's type cannot hold", () => {
  it("is never the serializer's refusal: property cases say nothing, observations say unrepresentable", async () => {
    const r = await runChecks(intTyped(), {
      model: GENERATING,
      suite:
        'Required.Serialize.PreservesValue,Required.Serialize.AlwaysWritesValidJson,Required.RoundTrip.ParseOfSerialize,Informational.Serialize.NumberSpelling',
    });
    for (const id of ['Required.Serialize.PreservesValue', 'Required.Serialize.AlwaysWritesValidJson', 'Required.RoundTrip.ParseOfSerialize']) {
      expect(byId(r, id).status, id).toBe('passed');
    }
    expect(byId(r, 'Required.Serialize.PreservesValue').casesVacuous).toBeGreaterThan(0);
    const labels = Object.fromEntries(byId(r, 'Informational.Serialize.NumberSpelling').observations!.map((o) => [o.label, o.behaviour]));
    expect(labels).toEqual({ '1': 'wrote 1', '1e-7': "unrepresentable in the SDK's type", '1e21': 'wrote 1e+21', '0.1': "unrepresentable in the SDK's type" });
  });
});
