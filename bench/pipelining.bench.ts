import { join } from 'node:path';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { PROJECT_ROOT } from '../core/models.js';
import { compare } from './measure.js';

const TRIVIAL = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');

/** One trivial harness answered one request at a time, against the same harness kept 64 requests busy. */
export async function benchPipelining(requests = 10_000) {
  const start = (maxInFlight: number) => StdioAdapter.start({ name: `trivial-${maxInFlight}`, command: [process.execPath, TRIVIAL, 'none'], maxInFlight });
  const serial = await start(1);
  const pipelined = await start(64);
  const payload = new TextEncoder().encode('{"type":"response.image_generation_call.generating","item_id":"ig_1","output_index":0,"sequence_number":1}');
  const burst = (a: StdioAdapter) => async () => {
    const out = await Promise.all(Array.from({ length: requests }, () => a.parse('OpenResponsesImageGenCallGenerating', payload)));
    if (!out.every((o) => o.ok)) throw new Error('the trivial harness failed a request');
  };
  try {
    // rounds long enough (about 0.1 s pipelined) that a pause of the machine does not decide the median
    const { a, b, ratio, roundRatios } = await compare(requests, burst(pipelined), burst(serial), 7);
    return {
      name: 'stdio harness: pipelined (64 in flight) vs one request at a time',
      requests,
      pipelined: { requestsPerSecond: Math.round(a.perSecond) },
      oneAtATime: { requestsPerSecond: Math.round(b.perSecond) },
      lines: [
        `pipelined:     ${Math.round(a.perSecond).toLocaleString('en')} requests/s`,
        `one at a time: ${Math.round(b.perSecond).toLocaleString('en')} requests/s`,
      ],
      ratio,
      roundRatios,
      target: 5,
      met: ratio >= 5,
    };
  } finally {
    await serial.close();
    await pipelined.close();
  }
}
