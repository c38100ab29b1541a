// The program's path through Vercel's AI SDK: a provider's Responses language model, made with a custom `fetch`
// that answers with a recorded stream, and its `doStream`, whose parts a program reads. Used by harness.mjs and by
// test/harness-ai-sdk.test.ts, so both call the SDK the one same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const PROVIDERS = {
  openai: {
    pkg: '@ai-sdk/openai',
    // the way a program reaches the Responses API through this provider: openai.responses(modelId)
    model: (mod, fetch) => mod.createOpenAI({ apiKey: 'orc-no-key', fetch }).responses('gpt-5'),
    // a program that wants each delta's log probabilities asks for them (parts.mjs: where they arrive)
    options: { openai: { logprobs: true } },
  },
  'open-responses': {
    pkg: '@ai-sdk/open-responses',
    model: (mod, fetch) => mod.createOpenResponses({ url: 'http://orc.invalid/v1/responses', name: 'orc', fetch })('orc-model'),
  },
};

const require = createRequire(import.meta.url);

/** The provider's package, its version, and the SSE decoder of its own copy of provider-utils (npm nests one per version). */
export async function loadProvider(name) {
  const p = PROVIDERS[name];
  if (!p) throw new Error(`no provider "${name}"; one of ${Object.keys(PROVIDERS).join(', ')}`);
  const pkgJson = require.resolve(`${p.pkg}/package.json`);
  const utils = await import(pathToFileURL(createRequire(pkgJson).resolve('@ai-sdk/provider-utils')).href);
  return {
    ...p,
    version: JSON.parse(readFileSync(pkgJson, 'utf8')).version,
    sdk: await import(p.pkg),
    EventSourceParserStream: utils.EventSourceParserStream,
  };
}

/** Every part the model's doStream emits for a response whose body is `body`, as a program reading `stream` gets them. */
export async function partsOf(provider, body) {
  const fetch = async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  const prompt = [{ role: 'user', content: [{ type: 'text', text: 'orc' }] }];
  const { stream } = await provider.model(provider.sdk, fetch).doStream({ prompt, providerOptions: provider.options });
  const parts = [];
  for await (const part of stream) parts.push(part);
  return parts;
}
