/**
 * Issue 21's bar: each of the spec's 24 streaming events, cut out of its
 * OpenAPI document and otherwise unchanged, plans every check, and the
 * reference passes every Required one, none of them `unsupported`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceAdapter } from '../adapters/reference/index.js';
import { loadSchemaSet } from '../core/models.js';
import { planChecks } from '../runner/plan.js';
import { checkSeed } from '../runner/replay-token.js';
import { runCheck } from '../runner/run-check.js';
import { cutSpecEvents, DEFAULT_SPEC } from '../scripts/cut-spec-events.js';

const present = existsSync(DEFAULT_SPEC);
if (!present) process.stdout.write(`spec-events-reference: the spec document is not at ${DEFAULT_SPEC}; its events are not run here\n`);
const events = present ? cutSpecEvents(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8'))) : [];

describe.skipIf(!present)('the reference over every streaming event of the spec', () => {
  it('cuts 24 events', () => expect(events).toHaveLength(24));

  for (const e of events) {
    it(`${e.type}: every Required check passes, none unsupported`, async () => {
      const set = loadSchemaSet([{ file: `${e.type}.schema.json`, schema: e.schema }]);
      const model = set.models.at(-1)!;
      const checks = planChecks({ set, models: [model], level: 'required' });
      expect(checks.length).toBeGreaterThan(20);
      const adapter = referenceAdapter(set);
      const wrong: string[] = [];
      for (const check of checks) {
        const r = await runCheck(check, adapter, { seed: checkSeed(1, model.name, check.id), runs: 10, concurrency: 4 });
        if (r.status !== 'passed') wrong.push(`${check.id}: ${r.status}${r.status === 'failed' ? ` ${r.failure.message}` : ''}`);
      }
      expect(wrong).toEqual([]);
    }, 300_000);
  }
});
