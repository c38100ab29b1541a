#!/usr/bin/env node
// Echoes what crosses the protocol, as text, without reading it into JavaScript numbers:
// serialize answers the request line itself as bytes; parse answers the payload's own text as the value.
import { createInterface } from 'node:readline';

const MODELS = ['OpenResponsesImageGenCallGenerating'];
process.stdout.write(
  JSON.stringify({
    type: 'hello',
    protocol: 1,
    implementation: { name: 'echo', language: 'JavaScript', version: '0' },
    operations: { parse: MODELS, serialize: MODELS },
  }) + '\n',
);
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  const id = /"id":(\d+)/.exec(line)[1];
  if (line.includes('"op":"serialize"')) {
    process.stdout.write(`{"id":${id},"ok":true,"bytes":"${Buffer.from(line).toString('base64')}"}\n`);
  } else {
    const payload = Buffer.from(/"payload":"([^"]*)"/.exec(line)[1], 'base64').toString('utf8');
    process.stdout.write(`{"id":${id},"ok":true,"value":${payload}}\n`);
  }
});
