import { describe, expect, it } from 'vitest';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { LosslessNumber } from '../core/json.js';
import { show } from '../core/equality.js';
import { GENERATING } from './helpers/adapters.js';

const value = { type: 'response.image_generation_call.generating', item_id: 'x', output_index: -0, sequence_number: new LosslessNumber('9007199254740993') };

async function withAdapter<T>(command: string[], f: (a: StdioAdapter) => Promise<T>): Promise<T> {
  const a = await StdioAdapter.start({ name: 'echo', command, checkProtocol: true });
  try {
    return await f(a);
  } finally {
    await a.close();
  }
}

describe('values cross the stdio protocol losslessly, both ways', () => {
  it('runner → harness: -0 travels as -0, an integer beyond 2^53 as its exact digits', async () => {
    const out = await withAdapter([process.execPath, 'test/harnesses/echo-harness.mjs'], (a) => a.serialize(GENERATING, value));
    expect(out.ok).toBe(true);
    const line = Buffer.from((out as { bytes: Uint8Array }).bytes).toString('utf8');
    expect(line).toContain('"output_index":-0,');
    expect(line).toContain('"sequence_number":9007199254740993}');
  });

  it('harness → runner: the answer keeps -0 and every digit', async () => {
    const payload = '{"output_index":-0,"sequence_number":9007199254740993,"big":18446744073709551617}';
    const out = await withAdapter([process.execPath, 'test/harnesses/echo-harness.mjs'], (a) => a.parse(GENERATING, new TextEncoder().encode(payload)));
    expect(out.ok).toBe(true);
    expect(show((out as { value: any }).value)).toBe(payload);
  });

  it('the Python harness library hands the SDK -0.0 and the exact integer', async () => {
    const out = await withAdapter(['python3', 'test/harnesses/echo_harness.py'], (a) => a.serialize(GENERATING, value));
    expect(out.ok).toBe(true);
    const seen = JSON.parse(Buffer.from((out as { bytes: Uint8Array }).bytes).toString('utf8'));
    expect(seen.output_index).toEqual(['float', '-0.0']);
    expect(seen.sequence_number).toEqual(['int', '9007199254740993']);
  });
});
