import { UsageError } from '../core/errors.js';
import type { Adapter, AdapterEnv, AdapterFactory } from '../core/contract.js';
import { reference } from './reference/factory.js';
import { tsOpenRouter012, tsOpenRouterLatest } from './ts-openrouter/factory.js';
import { bundledHarnesses, commandAdapter } from './stdio/factories.js';

/** Every adapter `--adapter all` runs, in the order the matrix shows them: in process first, then the harnesses. */
export const BUNDLED: readonly AdapterFactory[] = [reference, tsOpenRouter012, tsOpenRouterLatest, ...bundledHarnesses()];

/** A name a person gives a harness of their own: it becomes a matrix column, a file name and a baseline key. */
const ADAPTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function bundledAdapter(name: string): AdapterFactory | undefined {
  return BUNDLED.find((a) => a.name === name);
}

/**
 * What the user wrote after `--adapter`: bundled names (comma-separated),
 * `all`, `cmd:LINE`, or `NAME=cmd:LINE`. Only this, typed by the user, ever
 * starts a program of their own.
 */
export function resolveAdapters(spec: string): AdapterFactory[] {
  // from an install, `all` is what this copy can run; a bundled name it cannot run says why when it starts
  if (spec === 'all') return BUNDLED.filter((a) => !a.missing?.());
  // a command line may hold commas: cmd: takes the rest of the spec
  if (spec.startsWith('cmd:')) return [commandAdapter(spec, spec.slice('cmd:'.length))];
  const named = /^([^=\s]+)=cmd:(.*)$/s.exec(spec);
  if (named) {
    if (!ADAPTER_NAME.test(named[1]!))
      throw new UsageError(`adapter name "${named[1]}" must be letters, digits, ".", "_" or "-" (at most 64), e.g. --adapter my-sdk=cmd:./harness`);
    if (bundledAdapter(named[1]!)) throw new UsageError(`"${named[1]}" is a bundled adapter's name; give your harness another name`);
    return [commandAdapter(named[1]!, named[2]!)];
  }
  return spec.split(',').map((name) => {
    const f = bundledAdapter(name.trim());
    if (!f)
      throw new UsageError(
        `unknown adapter "${name}"; run "orc list" for the adapters (${BUNDLED.map((a) => a.name).join(', ')}) or use "all", or "NAME=cmd:<command line>" for a harness of your own`,
      );
    const missing = f.missing?.();
    if (missing) throw new UsageError(missing);
    return f;
  });
}

/**
 * Every `--adapter` given, in order: `--adapter all --adapter 'mine=cmd:…'`
 * runs a harness of one's own beside the bundled ones. A name given twice
 * would be two columns no one can tell apart, and is refused.
 */
export function resolveAdapterSpecs(specs: readonly string[]): AdapterFactory[] {
  const factories = specs.flatMap(resolveAdapters);
  const seen = new Set<string>();
  for (const f of factories) {
    if (seen.has(f.name))
      throw new UsageError(`the adapter "${f.name}" is named twice; name each adapter once (a harness of your own by NAME=cmd:<command line>)`);
    seen.add(f.name);
  }
  return factories;
}

/** One adapter, started: replaying a case against one that cannot start is the user's to fix, with its reason. */
export async function startAdapter(spec: string, env: AdapterEnv): Promise<Adapter> {
  const factories = resolveAdapters(spec);
  if (factories.length !== 1) throw new UsageError(`name one adapter, not "${spec}"`);
  const factory = factories[0]!;
  try {
    return await factory.create(env);
  } catch (e) {
    throw new UsageError(`adapter ${factory.name} did not start: ${(e as Error).message}`);
  }
}

/**
 * The adapter a replayed case runs against. A token or a corpus file is
 * data from someone else: the adapter it names is started only if it is
 * bundled; any other program runs only when the user names it in this call.
 */
export function replayAdapterSpec(recorded: string, given: string | undefined): string {
  if (given !== undefined) return given;
  if (bundledAdapter(recorded)) return recorded;
  const shown = JSON.stringify(recorded.slice(0, 80).replace(/[^\x20-\x7e]/g, '?'));
  throw new UsageError(
    `this case came from adapter ${shown}, which is not bundled, and orc replay never starts a program a token or file names; name the harness yourself: --adapter 'NAME=cmd:<your command line>'`,
  );
}
