import { UsageError } from '../src/errors.ts';
import type { Adapter, AdapterEnv, AdapterFactory } from './contract.ts';
import { reference } from './reference/index.ts';
import { tsOpenRouter012, tsOpenRouterLatest } from './ts-openrouter/index.ts';
import { bundledHarnesses, commandAdapter } from './stdio/factories.ts';

/** Every adapter `--adapter all` runs, in the order the matrix shows them: in process first, then the harnesses. */
export const BUNDLED: readonly AdapterFactory[] = [reference, tsOpenRouter012, tsOpenRouterLatest, ...bundledHarnesses()];

export function resolveAdapters(spec: string): AdapterFactory[] {
  if (spec === 'all') return [...BUNDLED];
  // a command line may hold commas: cmd: takes the rest of the spec
  if (spec.startsWith('cmd:')) return [commandAdapter(spec)];
  return spec.split(',').map((name) => {
    const f = BUNDLED.find((a) => a.name === name.trim());
    if (!f) throw new UsageError(`unknown adapter "${name}"; run "orc list" for the adapters (${BUNDLED.map((a) => a.name).join(', ')}) or use "all", or "cmd:<command line>" for a harness of your own`);
    return f;
  });
}

/** One adapter by name, started: replaying a case against one that cannot start is the user's to fix, with its reason. */
export async function startAdapter(name: string, env: AdapterEnv): Promise<Adapter> {
  const [factory] = resolveAdapters(name);
  try {
    return await factory!.create(env);
  } catch (e) {
    throw new UsageError(`adapter ${name} did not start: ${(e as Error).message}`);
  }
}
