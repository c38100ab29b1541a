#!/usr/bin/env node
// A JavaScript harness written the way adapters/README.md says, with no SDK: it reads its standard input
// line by line with node:readline, as ts-openai-node/harness.mjs does, and JSON.parse reads each request.
// Parse answers the payload's JSON; serialize writes the value it was handed back with JSON.stringify.
// Half a request makes JSON.parse throw and the harness die, as it would make any harness built this way.
import { createInterface } from 'node:readline';

const MODELS = ['OpenResponsesImageGenCallGenerating'];
const write = (o) => process.stdout.write(JSON.stringify(o) + '\n');
write({
  type: 'hello',
  protocol: 1,
  implementation: { name: 'readline', language: 'JavaScript', version: process.version },
  operations: { parse: MODELS, serialize: MODELS },
});
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  const req = JSON.parse(line);
  if (req.op === 'serialize') write({ id: req.id, ok: true, bytes: Buffer.from(JSON.stringify({ model: req.model, value: req.value })).toString('base64') });
  else write({ id: req.id, ok: true, value: JSON.parse(Buffer.from(req.payload, 'base64').toString('utf8')) });
});
