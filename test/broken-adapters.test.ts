import { describe, expect, it } from 'vitest';
import {
  acceptsMissingField,
  dropsNonBmp,
  GENERATING,
  serializesWithoutField,
  throwsOnNonObject,
  throwsOutright,
  truncatesFractions,
} from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';

describe('deliberately broken adapters are caught by the check named for the defect', () => {
  it('truncating fractions fails Required.Parse.AcceptsFraction, with a small counterexample', async () => {
    const results = await runChecks(truncatesFractions(), { model: GENERATING, suite: 'Parse' });
    for (const field of ['output_index', 'sequence_number']) {
      const r = byId(results, `Required.Parse.AcceptsFraction.${field}`);
      expect(r.status).toBe('failed');
      expect(r.failure!.kind).toBe('mismatch');
      const sent = JSON.parse(r.failure!.counterexample.payload!.text);
      expect(sent[field]).toBe(0.5);
      expect(sent.item_id).toBe('');
      expect(r.failure!.message).toContain(`/${field}: expected 0.5, got 0`);
    }
    expect(byId(results, 'Required.Parse.AcceptsIntegral.output_index').status).toBe('passed');
  });

  it('accepting a missing field fails Required.Parse.RejectsMissingField.item_id', async () => {
    const results = await runChecks(acceptsMissingField(), { model: GENERATING, suite: 'Required.Parse.Rejects*' });
    const r = byId(results, 'Required.Parse.RejectsMissingField.item_id');
    expect(r.status).toBe('failed');
    expect(r.failure!.kind).toBe('accepted-invalid');
    expect(JSON.parse(r.failure!.counterexample.payload!.text)).not.toHaveProperty('item_id');
    expect(r.failure!.counterexample.note).toBe('breaks required at /item_id');
    expect(byId(results, 'Required.Parse.RejectsMissingField.output_index').status).toBe('passed');
  });

  it('dropping non-BMP characters fails Required.Parse.AcceptsNonBmp.item_id, shrunk to one character', async () => {
    const results = await runChecks(dropsNonBmp(), { model: GENERATING, suite: 'Parse' });
    const r = byId(results, 'Required.Parse.AcceptsNonBmp.item_id');
    expect(r.status).toBe('failed');
    const sent = JSON.parse(r.failure!.counterexample.payload!.text);
    expect([...sent.item_id]).toHaveLength(1);
    expect(sent.item_id.codePointAt(0)).toBeGreaterThan(0xffff);
    expect(byId(results, 'Required.Parse.AcceptsControlCharacters.item_id').status).toBe('passed');
  });

  it('serializing without a field fails Required.Serialize.WritesField.item_id and OutputValidates', async () => {
    const results = await runChecks(serializesWithoutField(), { model: GENERATING, suite: 'Serialize' });
    const r = byId(results, 'Required.Serialize.WritesField.item_id');
    expect(r.status).toBe('failed');
    expect(r.failure!.message).toBe('item_id is missing from the output');
    expect(byId(results, 'Required.Serialize.OutputValidates').failure!.message).toMatch(/item_id/);
    expect(byId(results, 'Required.Serialize.WritesField.output_index').status).toBe('passed');
  });

  it('a TypeError instead of a parse error is a failure even when the input was invalid', async () => {
    const results = await runChecks(throwsOnNonObject(), { model: GENERATING, suite: 'Required.Parse.RejectsNonObject' });
    const r = byId(results, 'Required.Parse.RejectsNonObject');
    expect(r.status).toBe('failed');
    expect(r.failure!.kind).toBe('exception');
  });

  it('an adapter that throws outright fails each check with the exception, and the run goes on', async () => {
    const results = await runChecks(throwsOutright(), { model: GENERATING, suite: 'Parse,Serialize' });
    // Informational.Parse.Unmodelled asks the union, which this adapter has not: n/a
    const parse = results.filter((r) => r.suite === 'Parse' && r.level !== 'Informational');
    expect(parse.every((r) => r.status === 'failed' && r.failure!.kind === 'exception' && r.failure!.message.includes('RangeError: boom'))).toBe(true);
    const serialize = results.filter((r) => r.suite === 'Serialize');
    expect(serialize.filter((r) => r.level === 'Required').every((r) => r.status === 'passed')).toBe(true);
    expect(serialize.filter((r) => r.level === 'Informational').every((r) => r.status === 'observed')).toBe(true);
  });
});
