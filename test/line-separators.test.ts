import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestParts, StdioAdapter } from '../adapters/stdio/client.js';
import { PROJECT_ROOT } from '../core/models.js';
import { caseOf, readEntry, saveFailure } from '../fuzz/corpus.js';
import { NODE_VERSIONS, nodeBinary } from '../scripts/node-versions.js';
import { GENERATING } from './helpers/adapters.js';

/**
 * JSON allows U+2028 and U+2029 raw in a string, and JavaScript ends a line
 * at each: Node 24's readline splits there. Every line orc writes spells
 * them as escapes, so a harness that reads line by line, as the guide says,
 * gets whole requests on every Node.
 */

const SEPARATORS = /[\u2028\u2029]/;
const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'readline-harness.mjs');
const NODES = [{ version: process.versions.node, bin: process.execPath }, ...NODE_VERSIONS.map((version) => ({ version, bin: nodeBinary(version) }))];

/** Every string field, and a key, holding both separators, alone and among other text. */
const value = {
  type: 'response.image_generation_call.generating\u2028',
  item_id: '\u2028ig\u2029_1\u2028\u2029',
  output_index: 0,
  sequence_number: 1,
  'extra\u2029': ['\u2029', { '\u2028': '\u2028' }],
};

describe('no line orc writes holds a raw U+2028 or U+2029', () => {
  it('requests: any value and model name, the separators written as escapes, the value unchanged', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\u2028', '\u2029', 'é', '"', '\\') });
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text), fc.integer())), text, (v, model) => {
        const line = requestParts(1, { op: 'serialize', model, body: { value: v } }).join('');
        expect(line).not.toMatch(SEPARATORS);
        const back = JSON.parse(line);
        expect(back.model).toBe(model);
        expect(back.value).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('fuzz corpus files: the same entry read back, with the separators escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-corpus-'));
    const c = {
      mutation: 'Strings.NonCharacters',
      category: 'strings' as const,
      expect: 'accept' as const,
      model: GENERATING,
      detail: 'item_id: \u2028\u2029',
      bytes: new TextEncoder().encode(JSON.stringify(value)),
      expected: value,
    };
    const { path } = saveFailure(dir, 'a\u2028', c, { status: 'fail', kind: 'mismatch', message: 'expected "\u2028"', answer: '"\u2029"' });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(SEPARATORS);
    expect(text).toContain('\\u2028');
    const e = readEntry(path);
    expect([e.adapter, e.detail, e.message, e.answer]).toEqual(['a\u2028', 'item_id: \u2028\u2029', 'expected "\u2028"', '"\u2029"']);
    expect(caseOf(e).expected).toEqual(value);
  });

  describe.each(NODES)('a harness that reads with readline, on Node $version', ({ bin }) => {
    it.skipIf(!existsSync(bin))('gets every request whole: serialize and parse answer the value sent, and it is never restarted', async () => {
      const a = await StdioAdapter.start({ name: 'readline', command: [bin, HARNESS], checkProtocol: true, timeoutMs: 5000 });
      try {
        const model = `${GENERATING}\u2029`;
        const [written, parsed] = await Promise.all([a.serialize(model, value), a.parse(GENERATING, new TextEncoder().encode(JSON.stringify(value)))]);
        expect(written.ok && JSON.parse(Buffer.from(written.bytes).toString('utf8')), JSON.stringify(written)).toEqual({ model, value });
        expect(parsed.ok && parsed.value, JSON.stringify(parsed)).toEqual(value);
        expect(a.restarts()).toEqual([]);
      } finally {
        await a.close();
      }
    });
  });
});

describe('whole documents orc writes hold no raw U+2028 or U+2029 either', () => {
  it('report.json: a failure message and counterexample holding both are written escaped, and read back the same', async () => {
    const { renderReports } = await import('../faces/cli/write-reports.js');
    const { TOOL } = await import('../core/tool.js');
    const result = {
      adapter: 'a',
      model: GENERATING,
      id: 'Required.Parse.AcceptsValid',
      level: 'Required' as const,
      suite: 'Parse',
      description: 'd\u2028',
      status: 'failed' as const,
      casesRun: 1,
      durationMs: 0,
      seed: 1,
      failure: {
        kind: 'mismatch' as const,
        message: 'expected "\u2028", got "\u2029"',
        counterexample: { value: { item_id: '\u2028\u2029' } },
        path: '0',
        shrinks: 0,
        replay: 'orc1.x',
        replayCommand: 'npx orc replay orc1.x',
      },
    };
    const text = renderReports([
      { type: 'run-started', run: { tool: TOOL, command: 'test', seed: 1, runs: 1, startedAt: '', models: [GENERATING], checks: 1 } },
      { type: 'check-finished', result },
      { type: 'run-finished', finishedAt: '', complete: true },
    ])['report.json']!;
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text).results[0].failure.message).toBe(result.failure.message);
  });
});
