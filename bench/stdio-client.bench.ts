import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { PROJECT_ROOT } from '../core/models.js';
import { compare } from './measure.js';
import { MinimalClient } from './minimal-client.js';

const HARNESSES = join(PROJECT_ROOT, 'bench', 'harnesses');
const PAYLOAD = new TextEncoder().encode(
  '{"type":"response.image_generation_call.generating","item_id":"ig_0123456789abcdef","output_index":0,"sequence_number":1}',
);
const MODEL = 'OpenResponsesImageGenCallGenerating';

/** The echo harnesses, one per harness language orc ships: each answers a payload's own text as the value. */
function echoCommands(): Record<string, string[]> {
  const bin = join(PROJECT_ROOT, '.cache', 'bench', 'echo-go');
  mkdirSync(join(PROJECT_ROOT, '.cache', 'bench'), { recursive: true });
  const built = spawnSync('go', ['build', '-o', bin, '.'], { cwd: join(HARNESSES, 'echo-go'), encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`go build of the echo harness failed: ${built.stderr || built.error?.message}`);
  return {
    Node: [process.execPath, join(PROJECT_ROOT, 'test', 'harnesses', 'echo-harness.mjs')],
    Go: [bin],
    Python: ['python3', join(HARNESSES, 'echo.py')],
  };
}

/**
 * orc's stdio client against the minimal NDJSON client, both 64 requests in
 * flight, each on its own copy of the same echo harness.
 */
export async function benchStdioClient(requests = 20_000) {
  const rows = [];
  for (const [language, command] of Object.entries(echoCommands())) {
    const orc = await StdioAdapter.start({ name: `echo-${language}`, command, maxInFlight: 64 });
    const minimal = new MinimalClient(command, 64);
    await minimal.ready();
    try {
      const { a, b, ratio, roundRatios } = await compare(
        requests,
        async () => {
          const out = await Promise.all(Array.from({ length: requests }, () => orc.parse(MODEL, PAYLOAD)));
          if (!out.every((o) => o.ok)) throw new Error(`orc's client: the ${language} echo harness failed a request`);
        },
        async () => {
          const out = await Promise.all(Array.from({ length: requests }, () => minimal.parse(MODEL, PAYLOAD)));
          if (!out.every((o) => o.ok)) throw new Error(`minimal client: the ${language} echo harness failed a request`);
        },
        7,
      );
      rows.push({ language, orc: Math.round(a.perSecond), minimal: Math.round(b.perSecond), ratio, roundRatios });
    } finally {
      await orc.close();
      minimal.close();
    }
  }
  const worst = Math.min(...rows.map((r) => r.ratio));
  return {
    name: 'stdio client: orc vs a minimal NDJSON client, same echo harness, 64 in flight (worst of Node, Go, Python)',
    requests,
    clients: rows,
    lines: rows.map(
      (r) =>
        `${r.language.padEnd(7)} orc ${r.orc.toLocaleString('en')} requests/s, minimal ${r.minimal.toLocaleString('en')} requests/s: ${r.ratio.toFixed(2)}×`,
    ),
    ratio: worst,
    roundRatios: rows.find((r) => r.ratio === worst)!.roundRatios,
    target: 0.9,
    met: worst >= 0.9,
  };
}
