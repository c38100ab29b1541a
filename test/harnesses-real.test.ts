import { describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import { GENERATING } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';
import { orc } from './helpers/cli.js';
import { withHarness as startedHarness } from './helpers/spec-event-harness.js';

/** In CI every harness must be there; elsewhere one whose toolchain is missing is skipped, by name. */
const withHarness = (name: string, body: (a: Adapter) => Promise<void>) => startedHarness(name, name, body);

const parseChecks = (a: Adapter) =>
  runChecks(a, {
    model: GENERATING,
    suite:
      'Required.Parse.AcceptsFraction.output_index,Required.Parse.AcceptsIntegral.output_index,Required.Parse.RejectsMissingField.item_id,Required.Parse.RejectsWrongType.output_index,Required.Serialize.OutputValidates',
    runs: 100,
    seed: 3,
  });

describe('the real SDK harnesses, through the stdio protocol with every message checked', () => {
  withHarness('go-openai', async (a) => {
    expect(a.info).toMatchObject({ language: 'Go', implementation: 'github.com/openai/openai-go/v3', version: 'v3.96.0' });
    const r = await parseChecks(a);
    // int64 fields: a fraction is silently truncated, a missing field reads as its zero value
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').failure).toMatchObject({ kind: 'mismatch', message: '/output_index: expected 0.5, got 0' });
    expect(byId(r, 'Required.Parse.RejectsMissingField.item_id').failure!.kind).toBe('accepted-invalid');
    expect(byId(r, 'Required.Parse.AcceptsIntegral.output_index').status).toBe('passed');
  });

  withHarness('py-openai', async (a) => {
    expect(a.info).toMatchObject({ language: 'Python', version: '3.57.0' });
    const r = await parseChecks(a);
    // the streamed-event path validates nothing
    expect(byId(r, 'Required.Parse.RejectsMissingField.item_id').failure!.kind).toBe('accepted-invalid');
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').status).toBe('passed');
  });

  withHarness('py-openai-strict', async (a) => {
    const r = await parseChecks(a);
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').failure!.kind).toBe('rejected-valid');
    expect(byId(r, 'Required.Parse.RejectsMissingField.item_id').status).toBe('passed');
    // pydantic's lax mode turns "1" into 1
    expect(byId(r, 'Required.Parse.RejectsWrongType.output_index').failure!.kind).toBe('accepted-invalid');
  });

  withHarness('py-openrouter', async (a) => {
    expect(a.info.version).toBe('1.3.84');
    const r = await parseChecks(a);
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').failure!.kind).toBe('rejected-valid');
    // its int model cannot hold 0.5: the Parse check says so; the serializer, never handed it, is judged on the rest
    const written = byId(r, 'Required.Serialize.OutputValidates');
    expect(written.status).toBe('passed');
    expect(written.casesVacuous).toBeGreaterThan(0);
  });

  withHarness('py-openrouter-seed', async (a) => {
    expect(a.info.version).toBe('0.7.11');
    const r = await parseChecks(a);
    // the seed's float64 model: fractions are fine
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').status).toBe('passed');
    expect(byId(r, 'Required.Serialize.OutputValidates').status).toBe('passed');
  });

  withHarness('ts-openai-node', async (a) => {
    expect(a.info).toMatchObject({ language: 'TypeScript', version: '7.57.0' });
    const r = await parseChecks(a);
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').status).toBe('passed');
    expect(byId(r, 'Required.Parse.RejectsMissingField.item_id').failure!.kind).toBe('accepted-invalid');
  });
});

describe('orc run --adapter cmd:', () => {
  it('runs any program that speaks the protocol, as a column of the matrix', () => {
    const r = orc([
      'run',
      '--adapter',
      'cmd:node test/harnesses/faulty-harness.mjs none',
      '--model',
      'generating',
      '--suite',
      'Required.Parse.AcceptsValid,Required.Parse.RejectsNull',
      '--runs',
      '20',
      '--quiet',
      '--check-protocol',
      '--out',
      '/tmp/orc-cmd-test',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/cmd:node test\/harnesses\/faulty-harness.mjs none/);
    expect(r.stdout).toMatch(/^Req Parse +ok$/m);
  });

  it('a program that does not speak it is reported, not a crash of orc', () => {
    const r = orc([
      'run',
      '--adapter',
      'cmd:echo hello',
      '--model',
      'generating',
      '--suite',
      'Required.Parse.AcceptsValid',
      '--quiet',
      '--out',
      '/tmp/orc-cmd-test2',
    ]);
    expect(r.stdout + r.stderr).toMatch(/did not start: the first line is not a JSON hello/);
    expect(r.status).toBe(1);
  });
});
