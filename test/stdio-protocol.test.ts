import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestLine } from '../adapters/stdio/client.js';
import { onlySafeIntegers, protocolProblem, readReply } from '../adapters/stdio/protocol.js';
import { parse as parseLossless } from 'lossless-json';
import { jsonText, type Answer } from '../core/json.js';
import { validValues } from '../arbitraries/index.js';
import { GENERATING, set } from './helpers/adapters.js';

const model = set.models.find((m) => m.name === GENERATING)!;

describe('the stdio protocol', () => {
  it('every request the client writes validates against schema/protocol/request.schema.json', () => {
    fc.assert(fc.property(fc.nat(), fc.uint8Array({ maxLength: 64 }), validValues(set, model.id), fc.constantFrom('parse', 'serialize', 'reserialize', 'sse'), (id, payload, value, op) => {
      const base64 = Buffer.from(payload).toString('base64');
      const body = op === 'serialize' ? { value } : op === 'sse' ? { chunks: [base64, '', base64] } : { payload: base64 };
      const line = requestLine(id + 1, { op: op as any, model: GENERATING, body: body as any });
      expect(line).not.toContain('\n');
      expect(protocolProblem('request', JSON.parse(line))).toBeUndefined();
    }), { numRuns: 300 });
  });

  it('payload bytes survive base64 whole: invalid UTF-8, NUL, a lone surrogate encoded as bytes', () => {
    const raw = new Uint8Array([0xff, 0xfe, 0x00, 0xed, 0xa0, 0x80, 0x22]);
    const line = requestLine(1, { op: 'parse', model: GENERATING, body: { payload: Buffer.from(raw).toString('base64') } });
    expect(new Uint8Array(Buffer.from(JSON.parse(line).payload, 'base64'))).toEqual(raw);
  });

  it('replies are checked: a reply with both value and bytes, or an unknown error kind, is a protocol error', () => {
    expect(() => readReply('{"id":1,"ok":true,"value":{},"bytes":"AA=="}', true)).toThrow(/reply.schema.json/);
    expect(() => readReply('{"id":1,"ok":false,"error":{"kind":"oops","message":"x"}}', true)).toThrow(/reply/);
    expect(() => readReply('not json', false)).toThrow(/not JSON/);
    expect(readReply('{"id":7,"ok":false,"error":{"kind":"parse_error","message":"no"}}', true)).toEqual({ id: 7, ok: false, error: { kind: 'parse_error', message: 'no' } });
  });

  describe('a reply read by JSON.parse when its numbers allow', () => {
    // any JSON number literal: -0, long integers, fractions with trailing zeros, exponents; fc.json writes only what JSON.stringify prints
    const digits = (min: number, max: number) => fc.integer({ min, max }).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));
    const literal = fc
      .tuple(fc.boolean(), fc.oneof(fc.constant('0'), fc.tuple(fc.constantFrom(...'123456789'), digits(0, 24)).map(([a, b]) => a + b)), fc.option(digits(1, 20), { freq: 2 }), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3)), { freq: 2 }))
      .map(([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`);

    it('reads every reply to the same value, digit for digit, as lossless-json does', () => {
      fc.assert(fc.property(fc.nat(), fc.array(literal, { maxLength: 2 }), fc.json(), (id, numbers, other) => {
        const value = `{"n":[${numbers.join(',')}],"s":${JSON.stringify(numbers.join(' '))}}`;
        for (const line of [`{"id":${id + 1},"ok":true,"value":${value}}`, `{"id":${id + 1},"ok":true,"value":[${other},${JSON.stringify(other)}]}`]) {
          const reply = readReply(line, false) as { value: Answer };
          expect(jsonText(reply.value)).toBe(jsonText((parseLossless(line) as { value: Answer }).value));
        }
      }), { numRuns: 2000 });
    });

    it('takes the fast path only when every number outside a string is a short integer', () => {
      expect(onlySafeIntegers('{"id":12,"ok":true,"value":{"n":999999999999999,"m":-3,"z":0}}')).toBe(true);
      expect(onlySafeIntegers('{"id":1,"ok":true,"value":{"s":"1.5e3 -0 1234567890123456789","k\\"":"\\"0.1"}}')).toBe(true);
      expect(onlySafeIntegers('{"id":1,"ok":true,"bytes":"AAEC+/9z1.0e="}')).toBe(true);
      for (const n of ['-0', '1.0', '1e2', '0.5', '1000000000000000', '9007199254740993', '-1E-7']) {
        expect(onlySafeIntegers(`{"id":1,"ok":true,"value":{"n":${n}}}`), n).toBe(false);
      }
    });

    it('an id is an integer however it is read', () => {
      expect(readReply('{"id":3,"ok":true,"value":{}}', false).id).toBe(3);
      expect(readReply('{"id":3,"ok":true,"value":{"x":0.5}}', false).id).toBe(3);
      expect(() => readReply('{"id":"3","ok":true,"value":{}}', false)).toThrow(/integer "id"/);
      expect(() => readReply('{"id":3.5,"ok":true,"value":{}}', false)).toThrow(/integer "id"/);
    });
  });
});
