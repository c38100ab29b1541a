import { UsageError } from '../src/errors.ts';
import type { AdapterFactory } from './contract.ts';
import { reference } from './reference/index.ts';
import { tsOpenRouter012, tsOpenRouterLatest } from './ts-openrouter/index.ts';

/** Every adapter `--adapter all` runs, in the order the matrix shows them. */
export const BUNDLED: readonly AdapterFactory[] = [reference, tsOpenRouter012, tsOpenRouterLatest];

export function resolveAdapters(spec: string): AdapterFactory[] {
  if (spec === 'all') return [...BUNDLED];
  return spec.split(',').map((name) => {
    const f = BUNDLED.find((a) => a.name === name.trim());
    if (!f) throw new UsageError(`unknown adapter "${name}"; run "orc list" for the adapters (${BUNDLED.map((a) => a.name).join(', ')}) or use "all"`);
    return f;
  });
}
