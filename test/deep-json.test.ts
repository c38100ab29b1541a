import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parse as parseLossless } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { readReply } from '../adapters/stdio/protocol.js';
import { isBase64 } from '../core/base64.js';
import { show } from '../core/equality.js';
import { asDoubles, jsonText, LosslessNumber, type Answer } from '../core/json.js';
import { readDeep, readJson } from '../core/read-json.js';
import { readOutput } from '../suites/verdicts.js';
import { orc } from './helpers/cli.js';
import { GENERATING } from './helpers/adapters.js';

/**
 * No size or depth of JSON that JSON.parse reads becomes a harness's or a
 * serializer's fault: a real SDK echoes a 10 MB emoji item_id as a 30 MB line
 * of escapes, and keeps an unknown field nested 100,000 deep.
 */

const nested = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const event = (extra: string) => `{"type":"response.image_generation_call.generating","item_id":"ig","output_index":0,"sequence_number":1${extra}}`;
const ECHO = [process.execPath, 'test/harnesses/echo-harness.mjs'];

// what a reader makes of a text: its value as JSON text with every number's digits, or that it refused it
const outcome = (read: () => unknown) => {
  try {
    return jsonText(read() as Answer);
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(SyntaxError);
    return 'refused';
  }
};

describe('JSON read and written at any depth JSON.parse reads', () => {
  it.each([5_000, 100_000])('arrays and objects nested %i deep: read to the value JSON.parse makes, written back to the same text', (depth) => {
    for (const text of [nested(depth, '1.5'), `${'{"a":'.repeat(depth)}-0${'}'.repeat(depth)}`, event(`,"x":${nested(depth)}`)]) {
      expect(() => parseLossless(text)).toThrow(RangeError); // what orc read it with before
      for (const read of [readJson, readDeep]) {
        const v = read(text);
        expect(jsonText(v)).toBe(text);
        // JSON.stringify and toEqual recurse: the texts are compared
        expect(jsonText(asDoubles(v))).toBe(jsonText(JSON.parse(text)));
      }
    }
  });

  it('a deep text with a key given twice is read as lossless-json reads a shallow one: the same value kept, two values refused', () => {
    const deep = 50_000;
    expect(jsonText(readJson(`{"a":${nested(deep, '1')},"a":${nested(deep, '1')}}`))).toBe(`{"a":${nested(deep, '1')}}`);
    expect(() => readJson(`{"a":${nested(deep, '1')},"a":${nested(deep, '1.0')}}`)).toThrow(/Duplicate key 'a'/);
    expect(() => readJson(`${nested(deep, '{"b":1,"b":2}')}`)).toThrow(/Duplicate key 'b'/);
    expect(() => readJson(nested(deep, '01'))).toThrow(SyntaxError);
    expect(() => readJson(`${'['.repeat(deep)}1`)).toThrow(SyntaxError);
  });

  it('the deep reader reads every text as lossless-json does: the same value digit for digit, or a refusal', () => {
    const broken = fc.constantFrom(
      '',
      ',',
      ']',
      '}',
      ':',
      '"',
      '\\',
      '01',
      '-',
      '1.',
      '1e',
      '.5',
      'tru',
      '"\\x"',
      '"\u0001"',
      '{"a"}',
      '{"a":1,}',
      '[1,]',
      '{1:2}',
      ' ',
      '\\u0000#',
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), broken, fc.boolean(), (json, at, piece, mend) => {
        const text = mend ? json.slice(0, at % (json.length + 1)) + piece + json.slice(at % (json.length + 1)) : json;
        const want = outcome(() => parseLossless(text));
        expect(
          outcome(() => readDeep(text)),
          text,
        ).toBe(want);
        expect(
          outcome(() => readJson(text)),
          text,
        ).toBe(want);
      }),
      { numRuns: 3000 },
    );
    for (const twice of ['{"a":[],"a":{}}', '{"a":[1,{"b":2}],"a":[1,{"b":2}]}', '{"a":1,"a":1.0}', '{"a":{"b":1},"a":{"b":1,"c":2}}']) {
      expect(
        outcome(() => readDeep(twice)),
        twice,
      ).toBe(outcome(() => parseLossless(twice)));
    }
    expect(readDeep('{"n":[1,-0,1.50,123456789012345678,1e400],"__proto__":{"k":"\\u00e9"}}')).toEqual(
      Object.defineProperty(
        { n: [1, new LosslessNumber('-0'), new LosslessNumber('1.50'), new LosslessNumber('123456789012345678'), new LosslessNumber('1e400')] },
        '__proto__',
        { value: { k: 'é' }, enumerable: true, writable: true, configurable: true },
      ),
    );
  });

  it('a 30 MB line of 5,000,000 escapes reads, and 13 MB of base64 is base64', () => {
    const escapes = '\\ud83d\\ude00'.repeat(2_500_000);
    const v = readJson(`{"id":1,"ok":true,"value":{"item_id":"${escapes}"}}`) as { value: { item_id: string } };
    expect(v.value.item_id).toBe('😀'.repeat(2_500_000));
    const base64 = Buffer.from('😀'.repeat(2_500_000)).toString('base64');
    expect(isBase64(base64)).toBe(true);
    expect(readReply(`{"id":2,"ok":true,"bytes":"${base64}"}`, true)).toMatchObject({ id: 2, ok: true });
    for (const bad of ['A', 'AA=A', '====', 'A===', 'AAA!', 'AA\nA']) expect(isBase64(bad), bad).toBe(false);
  });

  it('serializer output nested 100,000 deep is read as JSON; deep text that is not JSON says why, not that the stack ran out', () => {
    const deep = event(`,"x":${nested(100_000)}`);
    const out = readOutput(new TextEncoder().encode(deep));
    expect(out.ok && jsonText(out.value)).toBe(deep);
    const bad = readOutput(new TextEncoder().encode(event(`,"x":${nested(100_000, '1,')}`)));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^output is not JSON: a JSON value expected at position \d+$/);
  });

  it('a reply whose value is nested 100,000 deep is a reply, not "not JSON"', () => {
    const value = event(`,"x":${nested(100_000)}`);
    const r = readReply(`{"id":1,"ok":true,"value":${value}}`, true);
    expect(r.ok && 'value' in r && show(r.value)).toBe(value);
  });

  it('through a harness: a 30 MB reply of escapes and a reply nested 100,000 deep are answers, and nothing restarts', async () => {
    const a = await StdioAdapter.start({ name: 'echo', command: ECHO, checkProtocol: true });
    try {
      const escaped = event('').replace('"ig"', `"${'\\ud83d\\ude00'.repeat(2_500_000)}"`);
      const deep = event(`,"x":${nested(100_000)}`);
      const [huge, nestedReply] = await Promise.all([
        a.parse(GENERATING, new TextEncoder().encode(escaped)),
        a.parse(GENERATING, new TextEncoder().encode(deep)),
      ]);
      expect(huge.ok && (huge.value as { item_id: string }).item_id).toBe('😀'.repeat(2_500_000));
      expect(nestedReply.ok && show(nestedReply.value)).toBe(deep);
      // and back the other way: a value that deep goes out as one request line
      const written = await a.serialize(GENERATING, nestedReply.ok ? asDoubles(nestedReply.value) : null);
      expect(written.ok && Buffer.from(written.bytes).toString('utf8')).toContain(`"value":${deep}}`);
      expect(a.restarts()).toEqual([]);
    } finally {
      await a.close();
    }
  });

  // the compiled orc, as a user runs it (npm run build first)
  it('orc replay of a corpus file with a 10 MB emoji payload reruns it, echoed back as a 30 MB line of escapes', () => {
    const payload = Buffer.from(event('').replace('"ig"', `"${'\\ud83d\\ude00'.repeat(2_500_000)}"`));
    const file = join(mkdtempSync(join(tmpdir(), 'orc-replay-')), 'Size.HugeString--protocol.json');
    writeFileSync(
      file,
      JSON.stringify({
        corpus: 1,
        adapter: 'echo',
        model: GENERATING,
        mutation: 'Size.HugeString',
        category: 'size',
        expect: 'accept',
        detail: 'item_id: 10000000 bytes',
        kind: 'protocol',
        message: 'the harness wrote garbage',
        payload: payload.toString('base64'),
        size: payload.length,
        foundAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    const r = orc(['replay', file, '--adapter', `echo=cmd:${ECHO.join(' ')}`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('verdict: passes now (accepted)');
    expect(r.status).toBe(0);
  });
});
