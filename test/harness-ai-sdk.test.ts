/**
 * ts-ai-sdk-openai and ts-ai-sdk-open-responses reach Vercel's AI SDK the way a program does: the provider's
 * Responses model, a `fetch` that returns the recorded stream, `doStream`, its parts. Each answer below only that
 * path gives: openai's zod chunk schema turns a bad delta into an error part, open-responses' `z.any()` hands it on,
 * and reading `null` throws inside its transform. A model naming a member no part carries is never declared for
 * parse, so no verdict is about one; the decoder is the SDK's own (eventsource-parser, through provider-utils).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import { show } from '../core/equality.js';
import { loadSchemaSet } from '../core/models.js';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { cutSpecEvents, DEFAULT_SPEC } from '../scripts/cut-spec-events.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const manifest = loadManifests().find((m) => m.adapters.some((a) => a.name === 'ts-ai-sdk-openai'))!;
const ready = isBuilt(manifest);
if (!ready && CI) throw new Error('ts-ai-sdk is not built in CI: "npm run adapters:setup" must build every harness');
const spec = existsSync(DEFAULT_SPEC);
const why = !ready ? ' (not built here)' : !spec ? ` (no spec document at ${DEFAULT_SPEC})` : '';

const enc = (s: string) => new TextEncoder().encode(s);
const run = (args: string[]) => spawnSync(process.execPath, [join(manifest.dir, 'surfaced-schemas.mjs'), ...args], { encoding: 'utf8' });

/** The spec's events, one file each, and what surfaced-schemas.mjs cuts of them for each provider. */
const files = (() => {
  if (!spec || !ready) return { spec: {} as Record<string, string>, openai: [] as string[], 'open-responses': [] as string[] };
  const dir = mkdtempSync(join(tmpdir(), 'orc-ai-sdk-spec-'));
  const specFiles: Record<string, string> = {};
  for (const e of cutSpecEvents(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')))) {
    specFiles[e.type] = join(dir, `${e.type}.schema.json`);
    writeFileSync(specFiles[e.type]!, JSON.stringify(e.schema));
  }
  const cut = (provider: string) => {
    const out = mkdtempSync(join(tmpdir(), `orc-ai-sdk-${provider}-`));
    const r = run([provider, dir, '--out', out]);
    if (r.status !== 0) throw new Error(`surfaced-schemas.mjs ${provider}: ${r.stderr}`);
    return readdirSync(out).map((f) => join(out, f));
  };
  return { spec: specFiles, openai: cut('openai'), 'open-responses': cut('open-responses') };
})();

const TEXT = "Response output text delta event (what @ai-sdk/openai's parts carry)";
const TEXT_OR = "Response output text delta event (what @ai-sdk/open-responses's parts carry)";

async function start(name: string, models: string[]): Promise<Adapter> {
  return bundledHarnesses()
    .find((f) => f.name === name)!
    .create({ set: loadSchemaSet(models), checkProtocol: true });
}

async function answer(a: Adapter, model: string, payload: string): Promise<string> {
  const o = await a.parse(model, enc(payload));
  return o.ok ? show(o.value) : `${o.error.kind}: ${o.error.message}`;
}

function withAdapter(name: string, title: string, models: () => string[], body: (a: Adapter) => Promise<void>) {
  it.skipIf(why !== '')(`${name}: ${title}${why}`, async () => {
    const a = await start(name, models());
    try {
      await body(a);
    } finally {
      await a.close?.();
    }
  });
}

describe('ts-ai-sdk: the path a program using the AI SDK takes', () => {
  withAdapter(
    'ts-ai-sdk-openai',
    "a delta its zod chunk schema refuses is an error part; logprobs come in the finish part's metadata",
    () => files.openai,
    async (a) => {
      expect(await answer(a, TEXT, '{"type":"response.output_text.delta","item_id":"m","delta":5}')).toMatch(
        /^parse_error: an error part: AI_TypeValidationError/,
      );
      expect(await answer(a, TEXT, '{"type":"response.output_text.delta","sequence_number":"x","item_id":"m","delta":"Hi"}')).toBe(
        '{"type":"response.output_text.delta","item_id":"m","delta":"Hi"}',
      );
      const logprobs = '[{"token":"Hi","logprob":-0.5,"bytes":[72,105],"top_logprobs":[]}]';
      expect(await answer(a, TEXT, `{"type":"response.output_text.delta","item_id":"m","delta":"Hi","logprobs":${logprobs}}`)).toBe(
        '{"type":"response.output_text.delta","item_id":"m","delta":"Hi","logprobs":[{"token":"Hi","logprob":-0.5,"top_logprobs":[]}]}',
      );
      // the reasoning part's id is `${item_id}:${summary_index}`: both come back from it
      expect(
        await answer(
          a,
          "Response reasoning summary delta event (what @ai-sdk/openai's parts carry)",
          '{"type":"response.reasoning_summary_text.delta","item_id":"rs","summary_index":2,"delta":"t"}',
        ),
      ).toBe('{"type":"response.reasoning_summary_text.delta","item_id":"rs","summary_index":2,"delta":"t"}');
    },
  );

  withAdapter(
    'ts-ai-sdk-open-responses',
    'z.any() hands a bad delta on; null throws a TypeError in its transform',
    () => files['open-responses'],
    async (a) => {
      expect(await answer(a, TEXT_OR, '{"type":"response.output_text.delta","item_id":"m","delta":5}')).toBe(
        '{"type":"response.output_text.delta","item_id":"m","delta":5}',
      );
      expect(await answer(a, TEXT_OR, 'null')).toMatch(/^exception: TypeError: Cannot read properties of null/);
      // another event's type makes no text part: a refusal of this one
      expect(await answer(a, TEXT_OR, '{"type":"response.refusal.delta","item_id":"m","delta":"no"}')).toMatch(/^parse_error: no part carries it/);
    },
  );

  withAdapter(
    'ts-ai-sdk-openai',
    'a model naming a member no part carries (the spec event itself) is not declared for parse; the decoder takes every model',
    () => [files.spec['response.output_text.delta']!, ...files.openai],
    async (a) => {
      expect(a.info.operations.parse).toContain(TEXT);
      expect(a.info.operations.parse).not.toContain('Response output text delta event');
      expect(a.info.operations.sse).toContain('Response output text delta event');
    },
  );

  withAdapter(
    'ts-ai-sdk-open-responses',
    "the SDK's decoder (eventsource-parser) holds back a last event ended by CR CR",
    () => files['open-responses'],
    async (a) => {
      const events = async (text: string) => {
        const o = await a.sse!([enc(text)]);
        return o.ok ? JSON.stringify(o.events) : o.error.message;
      };
      expect(await events('event: e\ndata: a\n\n')).toBe('[{"event":"e","data":"a"}]');
      expect(await events('event: e\rdata: a\r\r')).toBe('[]');
    },
  );

  it.skipIf(!ready)(`a real-shaped text stream gives each provider's text parts${ready ? '' : ' (not built here)'}`, async () => {
    const { loadProvider, partsOf } = await import(pathToFileURL(join(manifest.dir, 'stream-parts.mjs')).href);
    const response = { id: 'resp_1', object: 'response', created_at: 1700000000, model: 'gpt-5', status: 'in_progress', output: [] };
    const message = { type: 'message', id: 'msg_1', status: 'in_progress', role: 'assistant', content: [] };
    const text = { type: 'output_text', text: 'Hello', annotations: [], logprobs: [] };
    const at = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const usage = {
      input_tokens: 5,
      output_tokens: 2,
      total_tokens: 7,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    };
    const done = { ...message, status: 'completed', content: [text] };
    const events = [
      { type: 'response.created', response },
      { type: 'response.in_progress', response },
      { type: 'response.output_item.added', output_index: 0, item: message },
      { type: 'response.content_part.added', ...at, part: { ...text, text: '' } },
      { type: 'response.output_text.delta', ...at, delta: 'Hel', logprobs: [] },
      { type: 'response.output_text.delta', ...at, delta: 'lo', logprobs: [] },
      { type: 'response.output_text.done', ...at, text: 'Hello', logprobs: [] },
      { type: 'response.content_part.done', ...at, part: text },
      { type: 'response.output_item.done', output_index: 0, item: done },
      { type: 'response.completed', response: { ...response, status: 'completed', output: [done], incomplete_details: null, usage } },
    ];
    const body = events.map((e, i) => `event: ${e.type}\ndata: ${JSON.stringify({ ...e, sequence_number: i })}\n\n`).join('') + 'data: [DONE]\n\n';
    const shape = (parts: any[]) => parts.map((p) => [p.type, p.id ?? p.finishReason?.unified ?? '', p.delta ?? ''].join(' ').trim());
    const text_ = ['text-start msg_1', 'text-delta msg_1 Hel', 'text-delta msg_1 lo', 'text-end msg_1', 'finish stop'];
    expect(shape(await partsOf(await loadProvider('openai'), body))).toEqual(['stream-start', 'response-metadata resp_1', ...text_]);
    expect(shape(await partsOf(await loadProvider('open-responses'), body))).toEqual(['stream-start', ...text_]);
  });

  it.skipIf(!ready)(`surfaced-schemas.mjs says in one line what is wrong with its arguments${ready ? '' : ' (not built here)'}`, () => {
    const r = run(['acme', '/nonexistent', '--out', '/tmp/x']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(run(['openai', '/nonexistent/dir', '--out', mkdtempSync(join(tmpdir(), 'orc-ai-sdk-'))]).stderr).toMatch(
      /^surfaced-schemas: cannot read \/nonexistent\/dir/,
    );
  });
});
