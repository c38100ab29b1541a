import { join } from 'node:path';
import { fromCloneOnly, type AdapterEnv, type AdapterFactory } from '../../core/contract.js';
import { eventTypeOf } from '../../core/models.js';
import { checkManifest, hasSources, isBuilt, loadManifests } from './harnesses.js';
import { SCHEMAS_ENV, schemasFile } from './schemas-file.js';

const modelNames = (env: AdapterEnv) => env.set.models.map((m) => m.name);
/** Each model's wire `type`, where it has one: what a hello may declare instead of the title, and what each request carries. */
const eventTypes = (env: AdapterEnv) => Object.fromEntries(env.set.models.flatMap((m) => (eventTypeOf(m) ? [[m.name, eventTypeOf(m)!]] : [])));
/** Every harness, bundled or the user's, is told where the run's schemas are. */
const harnessEnv = (env: AdapterEnv) => ({ [SCHEMAS_ENV]: schemasFile(env.set) });

/** One factory per adapter a harness manifest declares, in folder order. */
export function bundledHarnesses(adaptersDir?: string): AdapterFactory[] {
  return loadManifests(adaptersDir, { check: false }).flatMap((m) =>
    m.adapters.map((a) => ({
      name: a.name,
      summary: a.summary,
      missing: () => (hasSources(m) ? undefined : fromCloneOnly(a.name, `its harness's source (adapters/${m.folder}/)`)),
      async create(env) {
        checkManifest(m);
        if (!hasSources(m)) throw new Error(fromCloneOnly(a.name, `its harness's source (adapters/${m.folder}/)`));
        if (!isBuilt(m)) throw new Error(`the ${a.name} harness is not built; run "npm run adapters:setup" (it needs ${m.toolchain.command})`);
        const [cmd, ...args] = a.run;
        const command = cmd!.includes('/') ? [join(m.dir, cmd!), ...args] : [cmd!, ...args];
        const { StdioAdapter } = await import('./client.js');
        return StdioAdapter.start({
          name: a.name,
          command,
          cwd: m.dir,
          checkProtocol: env.checkProtocol ?? false,
          models: modelNames(env),
          eventTypes: eventTypes(env),
          env: harnessEnv(env),
          ...(env.timeoutMs ? { timeoutMs: env.timeoutMs } : {}),
        });
      },
    })),
  );
}

/** `NAME=cmd:<command line>`: any program that speaks the protocol, run by the shell, known by the name the user gave it. */
export function commandAdapter(name: string, commandLine: string): AdapterFactory {
  const line = commandLine.trim();
  return {
    name,
    summary: `the program "${line}", out of process`,
    // a bare `cmd:LINE` is named by itself
    adapterSpec: name === `cmd:${commandLine}` ? name : `${name}=cmd:${commandLine}`,
    // the client (and the protocol's validators) load when a harness starts, not when orc lists it
    create: async (env) =>
      (await import('./client.js')).StdioAdapter.start({
        name,
        command: line,
        checkProtocol: env.checkProtocol ?? false,
        models: modelNames(env),
        eventTypes: eventTypes(env),
        env: harnessEnv(env),
        ...(env.timeoutMs ? { timeoutMs: env.timeoutMs } : {}),
      }),
  };
}
