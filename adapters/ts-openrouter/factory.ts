import { createRequire } from 'node:module';
import { fromCloneOnly, type AdapterFactory } from '../../core/contract.js';

const require = createRequire(import.meta.url);

export interface Flavour {
  adapter: string;
  /** The npm alias the pinned version is installed under (package.json). */
  alias: string;
}

/** @openrouter/sdk 0.1.x: the seed's names, a zod union of the stream's events (OpenResponsesStreamEvent) and writers. */
const v012: Flavour = { adapter: 'ts-openrouter-0.1.2', alias: '@openrouter/sdk-0.1.2' };

/** The newest SDK: Speakeasy's forward-compatible union (StreamEvents, an Unknown fallback), parsers only. */
const latest: Flavour = { adapter: 'ts-openrouter-latest', alias: '@openrouter/sdk-latest' };

/** The pinned SDK is a development dependency: a clone has it, an install does not. */
function installed(f: Flavour): boolean {
  try {
    require.resolve(`${f.alias}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/** What `orc list` and `--adapter` need of the adapter: its code (and the SDK's) loads when it starts. */
function factory(f: Flavour): AdapterFactory {
  const missing = () => (installed(f) ? undefined : fromCloneOnly(f.adapter, `npm ${f.alias}`));
  return {
    name: f.adapter,
    summary: `${f.alias.replace(/-[^-]+$/, '')} (npm ${f.alias}), in process`,
    missing,
    async create(env) {
      const why = missing();
      if (why) throw new Error(why);
      return (await import('./index.js')).tsOpenRouterAdapter(f, env);
    },
  };
}

export const tsOpenRouter012 = factory(v012);
export const tsOpenRouterLatest = factory(latest);
