#!/usr/bin/env node
// Refuses every payload with a parse error: a parser that rejects whatever it is sent shows no rejection for any rule.
import { createInterface } from 'node:readline';

const MODELS = ['OpenResponsesImageGenCallGenerating'];
process.stdout.write(
  JSON.stringify({ type: 'hello', protocol: 1, implementation: { name: 'refusing', language: 'JavaScript', version: '0' }, operations: { parse: MODELS } }) +
    '\n',
);
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  const { id } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id, ok: false, error: { kind: 'parse_error', message: 'refused' } }) + '\n');
});
