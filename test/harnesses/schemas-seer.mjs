#!/usr/bin/env node
// Tells what orc told it: the path ORC_SCHEMAS names and that file's content, written to the file argv[2] names.
// It declares parse for every model the file lists and refuses every payload: it only looks.
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const path = process.env.ORC_SCHEMAS ?? null;
const file = path === null ? null : JSON.parse(readFileSync(path, 'utf8'));
writeFileSync(process.argv[2], JSON.stringify({ path, file }));
const models = file === null ? [] : file.models.map((m) => m.name);
process.stdout.write(
  JSON.stringify({
    type: 'hello',
    protocol: 1,
    implementation: { name: 'schemas-seer', language: 'JavaScript', version: '0' },
    operations: { parse: models },
  }) + '\n',
);
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  const { id } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id, ok: false, error: { kind: 'parse_error', message: 'it only looks' } }) + '\n');
});
