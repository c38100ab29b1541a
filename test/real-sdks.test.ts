import { describe, expect, it } from 'vitest';
import { tsOpenRouter012, tsOpenRouterLatest } from '../adapters/ts-openrouter/index.js';
import { GENERATING, reference, set } from './helpers/adapters.js';

const PARTIAL = 'OpenResponsesImageGenCallPartialImage';
import { byId, runChecks } from './helpers/run.js';

describe('the real @openrouter/sdk adapters', () => {
  it('each declares parse for every model of a type its stream-event union models, 0.1.2 serialize too, latest parse only', async () => {
    const old = await tsOpenRouter012.create({ set });
    const latest = await tsOpenRouterLatest.create({ set });
    const images = set.models.filter((m) => m.name.startsWith('OpenResponsesImageGenCall')).map((m) => m.name);
    expect(old.info.version).toBe('0.1.2');
    expect(old.info.operations.parse).toEqual(expect.arrayContaining(images));
    expect(old.info.operations.serialize).toEqual(old.info.operations.parse);
    expect(latest.info.operations.parse).toEqual(expect.arrayContaining(images));
    expect(latest.info.operations.serialize).toBeUndefined();
    // both unions spell the reasoning text events as OpenAI does, and model no response.queued
    for (const a of [old, latest]) {
      expect(a.info.unionTypes).toContain('response.reasoning_text.delta');
      expect(a.info.unionTypes).not.toContain('response.reasoning.delta');
      expect(a.info.unionTypes).not.toContain('response.queued');
    }
  });

  it("0.1.2's zod union refuses an extension event; the newest SDK's union makes it its Unknown fallback", async () => {
    const ext = new TextEncoder().encode('{"type":"acme:trace_event","sequence_number":3}');
    const old = await (await tsOpenRouter012.create({ set })).union!(ext);
    expect(old.ok || old.error.kind).toBe('parse_error');
    const latest = await (await tsOpenRouterLatest.create({ set })).union!(ext);
    expect(latest.ok && latest.as).toBe('Unknown');
  });

  it("neither models the partial image's size, quality, background or output_format: the parse drops them, the harness invents none; the reference reads them", async () => {
    const text =
      '{"type":"response.image_generation_call.partial_image","item_id":"a","output_index":1,"sequence_number":2,"partial_image_b64":"AA==","partial_image_index":0,"size":"1024x1024","quality":"low","background":"opaque","output_format":"png"}';
    const payload = new TextEncoder().encode(text);
    for (const f of [tsOpenRouter012, tsOpenRouterLatest]) {
      const o = await (await f.create({ set })).parse(PARTIAL, payload);
      expect(o.ok && Object.keys(o.value as object).sort()).toEqual([
        'item_id',
        'output_index',
        'partial_image_b64',
        'partial_image_index',
        'sequence_number',
        'type',
      ]);
    }
    expect(await reference().parse(PARTIAL, payload)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('latest enforces integers where the seed says float64: fractional numbers fail Required parse checks', async () => {
    const latest = await tsOpenRouterLatest.create({ set });
    const results = await runChecks(latest, { model: GENERATING, suite: 'Parse' });
    for (const field of ['output_index', 'sequence_number']) {
      const r = byId(results, `Required.Parse.AcceptsFraction.${field}`);
      expect(r.status).toBe('failed');
      expect(r.failure!.kind).toBe('rejected-valid');
      expect(JSON.parse(r.failure!.counterexample.payload!.text)[field]).toBe(0.5);
      expect(byId(results, `Required.Parse.AcceptsLargeMagnitude.${field}`).status).toBe('failed');
      expect(byId(results, `Required.Parse.AcceptsIntegral.${field}`).status).toBe('passed');
    }
    expect(results.filter((r) => r.id.includes('.Rejects')).every((r) => r.status === 'passed')).toBe(true);
  });

  it('0.1.2 parses and serializes every Required case of the seed model', async () => {
    const old = await tsOpenRouter012.create({ set });
    const results = await runChecks(old, { model: GENERATING, level: 'Required' });
    // its SSE decoder is another matter: it misses a blank line written LF then CRLF, and drops a bare `data` line
    expect(results.filter((r) => r.status !== 'passed').map((r) => r.id)).toEqual(['Required.Sse.LineEndings', 'Required.Sse.StandardQuirks']);
    expect(byId(results, 'Required.Sse.LineEndings').failure!.counterexample.payload!.text).toMatch(/\n\r\n/);
    const quirk = byId(results, 'Required.Sse.StandardQuirks').failure!;
    expect(quirk.counterexample.payload!.text).toMatch(/\ndata\n/);
    expect(JSON.parse(quirk.answer!)[0].data).toMatch(/^\{\n\n "type"/);
    // and a block of unknown fields alone, which has no data, it dispatches as an empty event
    expect(quirk.counterexample.payload!.text).toMatch(/\n\nfoo: ?bar\n/);
    expect(JSON.parse(quirk.answer!)).toContainEqual({ event: null, data: '' });
  });
});
