#!/usr/bin/env node
// What an installed `openai` declares of its stream events: the members of ResponseStreamEvent, read from the
// package's resources/responses/responses.d.ts with the TypeScript checker (declared-types.mjs). The checker takes
// seconds over the SDK's declarations, so the build (`node event-types.mjs openai openai-latest`) writes the graph
// to build/<package>.types.json, and the harness reads it there while its version is the installed one's.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { declaredGraph } from '../_harness-lib/node/declared-types.mjs';

const here = new URL('.', import.meta.url);
const versionOf = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, here), 'utf8')).version;

async function derive(pkg) {
  const { default: ts } = await import('typescript');
  const file = fileURLToPath(new URL(`node_modules/${pkg}/resources/responses/responses.d.ts`, here));
  return { version: versionOf(pkg), ...declaredGraph(ts, file, 'ResponseStreamEvent') };
}

/** The graph of `pkg`'s ResponseStreamEvent, from the cache the build wrote, or derived now when it is missing or stale. */
export async function eventTypes(pkg, fresh = false) {
  const cache = new URL(`build/${pkg}.types.json`, here);
  if (!fresh && existsSync(cache)) {
    const graph = JSON.parse(readFileSync(cache, 'utf8'));
    if (graph.version === versionOf(pkg)) return graph;
  }
  const graph = await derive(pkg);
  mkdirSync(new URL('build/', here), { recursive: true });
  writeFileSync(cache, JSON.stringify(graph));
  return graph;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const pkg of process.argv.slice(2)) {
    // the build derives afresh: the code that reads the declarations may have changed, the package not
    const graph = await eventTypes(pkg, true);
    process.stdout.write(`${pkg} ${graph.version}: ${Object.keys(graph.members).length} event types\n`);
  }
}
