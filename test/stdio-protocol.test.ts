import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestLine } from '../adapters/stdio/client.js';
import { protocolProblem, readReply } from '../adapters/stdio/protocol.js';
import { validValues } from '../arbitraries/index.js';
import { GENERATING, set } from './helpers/adapters.js';

const model = set.models.find((m) => m.name === GENERATING)!;

describe('the stdio protocol', () => {
  it('every request the client writes validates against schema/protocol/request.schema.json', () => {
    fc.assert(fc.property(fc.nat(), fc.uint8Array({ maxLength: 64 }), validValues(set, model.id), fc.constantFrom('parse', 'serialize', 'reserialize'), (id, payload, value, op) => {
      const body = op === 'serialize' ? { value } : { payload: Buffer.from(payload).toString('base64') };
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
});
