import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestParts } from '../adapters/stdio/client.js';

/** The request as the harness reads it: its pieces as one line. */
const requestLine = (...a: Parameters<typeof requestParts>) => requestParts(...a).join('');
import { protocolProblem, readReply } from '../adapters/stdio/protocol.js';
import { readJson, scanJson } from '../core/read-json.js';
import { parse as parseLossless } from 'lossless-json';
import { jsonText, type Answer } from '../core/json.js';
import { validValues } from '../arbitraries/index.js';
import { GENERATING, set } from './helpers/adapters.js';

const model = set.models.find((m) => m.name === GENERATING)!;

describe('the stdio protocol', () => {
  it('every request the client writes validates against schema/protocol/request.schema.json', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.uint8Array({ maxLength: 64 }),
        validValues(set, model.id),
        fc.constantFrom('parse', 'serialize', 'reserialize', 'sse'),
        (id, payload, value, op) => {
          const base64 = Buffer.from(payload).toString('base64');
          const body = op === 'serialize' ? { value } : op === 'sse' ? { chunks: [base64, '', base64] } : { payload: base64 };
          const line = requestLine(id + 1, { op: op as any, model: GENERATING, body: body as any });
          expect(line).not.toContain('\n');
          expect(protocolProblem('request', JSON.parse(line))).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
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
    expect(readReply('{"id":7,"ok":false,"error":{"kind":"parse_error","message":"no"}}', true)).toEqual({
      id: 7,
      ok: false,
      error: { kind: 'parse_error', message: 'no' },
    });
  });

  describe('a reply read by JSON.parse when its numbers allow', () => {
    // any JSON number literal: -0, long integers, fractions with trailing zeros, exponents; fc.json writes only what JSON.stringify prints
    const digits = (min: number, max: number) =>
      fc.integer({ min, max }).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));
    const literal = fc
      .tuple(
        fc.boolean(),
        fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.constantFrom(...'123456789'), digits(0, 24)).map(([a, b]) => a + b),
        ),
        fc.option(digits(1, 20), { freq: 2 }),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3)), { freq: 2 }),
      )
      .map(([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`);

    // what each reader makes of a line: the value as JSON text with every number's digits, or that it refused it
    const outcome = (read: () => unknown) => {
      try {
        return jsonText(read() as Answer);
      } catch {
        return 'refused';
      }
    };

    it('reads every line to the same value, digit for digit, or refuses it, as lossless-json does', () => {
      const key = fc.constantFrom('a', 'b', '\\u0061', 'k\\"', '__proto__');
      const member = fc.tuple(
        key,
        fc.oneof(literal, fc.json(), fc.constantFrom('"\\u0000#1"', '"\\u0000\\u00231.5"', '"\\u0000"', '01', '1.', '-', '1e', '.5')),
      );
      fc.assert(
        fc.property(fc.nat(), fc.array(literal, { maxLength: 2 }), fc.array(member, { maxLength: 4 }), fc.json(), (id, numbers, members, other) => {
          const value = `{"n":[${numbers.join(',')}],"s":${JSON.stringify(numbers.join(' '))}}`;
          const object = `{${members.map(([k, v]) => `"${k}":${v}`).join(',')}}`;
          for (const line of [
            `{"id":${id + 1},"ok":true,"value":${value}}`,
            `{"id":${id + 1},"ok":true,"value":[${other},${JSON.stringify(other)}]}`,
            `{"id":${id + 1},"ok":true,"value":${object}}`,
            `[${object},{"x":${object}}]`,
          ]) {
            expect(
              outcome(() => readJson(line)),
              line,
            ).toBe(outcome(() => parseLossless(line)));
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('JSON.parse reads a line whose numbers are short integers; the others keep their digits; a repeated key sends the line to lossless-json', () => {
      expect(scanJson('{"id":12,"ok":true,"value":{"n":999999999999999,"m":-3,"z":0}}')).toEqual({ exact: [], keys: 6, losslessOnly: false });
      expect(scanJson('{"id":1,"ok":true,"value":{"s":"1.5e3 -0 1234567890123456789","k\\"":"\\"0.1"}}')).toEqual({ exact: [], keys: 5, losslessOnly: false });
      expect(scanJson('{"id":1,"ok":true,"bytes":"AAEC+/9z1.0e="}')).toEqual({ exact: [], keys: 3, losslessOnly: false });
      for (const n of ['-0', '1.0', '1e2', '0.5', '1000000000000000', '9007199254740993', '-1E-7']) {
        expect(scanJson(`{"id":1,"ok":true,"value":{"n":${n}}}`).exact, n).toEqual([{ at: 31, text: n }]);
      }
      expect(readJson('{"a":{"b":1,"c":2},"b":{"b":3}}')).toEqual({ a: { b: 1, c: 2 }, b: { b: 3 } });
      expect(() => readJson('{"a":1,"\\u0061":2}')).toThrow(/Duplicate key/);
      expect(() => readJson('{"a":1,"a":2}')).toThrow(/Duplicate key/);
      expect(() => readJson('[{"a":1.5,"b":{"a" : 2,"a":3}}]')).toThrow(/Duplicate key/);
    });

    it('an id is an integer however it is read', () => {
      expect(readReply('{"id":3,"ok":true,"value":{}}', false).id).toBe(3);
      expect(readReply('{"id":3,"ok":true,"value":{"x":0.5}}', false).id).toBe(3);
      expect(() => readReply('{"id":"3","ok":true,"value":{}}', false)).toThrow(/integer "id"/);
      expect(() => readReply('{"id":3.5,"ok":true,"value":{}}', false)).toThrow(/integer "id"/);
    });
  });
});
