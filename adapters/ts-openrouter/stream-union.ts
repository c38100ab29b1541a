import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unwrapped, type ZodLike } from './wire-names.js';

const require = createRequire(import.meta.url);

/** A member of the SDK's stream-event union: its name in the SDK, and its writer where the SDK generates one. */
export interface Member {
  name: string;
  toJSON?: (native: unknown) => string;
  outbound?: ZodLike;
}

/** The SDK's stream-event union, as its streaming `responses.send` reads every event. */
export interface StreamUnion {
  /** Every member by its event type, from the SDK's own union. */
  members: Map<string, Member>;
  /** One event's data through the SDK's stream: what a program iterating it gets, or what the iteration throws. */
  read(payload: Uint8Array): Promise<unknown>;
  /** The union's own writer (0.1.x), as a gateway writes whatever the stream gave it. */
  toJSON?: (native: unknown) => string;
  /** The SDK's test for its Unknown fallback (the newest SDK), which a value of no member becomes. */
  isUnknown?: (v: unknown) => boolean;
  /** Why the member of a value's type refused it, in its own schema's words: the fallback says nothing of it. */
  whyRefused?: (raw: unknown) => string | undefined;
}

type Module = Record<string, any>;
const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** The payload as a server frames one event, each of its lines a `data:` line, bytes untouched. */
function framed(payload: Uint8Array): ReadableStream<Uint8Array> {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= payload.length; i++) {
    if (i < payload.length && payload[i] !== 0x0a && payload[i] !== 0x0d) continue;
    parts.push(new TextEncoder().encode('data: '), payload.subarray(start, i), new TextEncoder().encode('\n'));
    if (payload[i] === 0x0d && payload[i + 1] === 0x0a) i++;
    start = i + 1;
  }
  parts.push(new TextEncoder().encode('\n'));
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(Buffer.concat(parts)));
      controller.close();
    },
  });
}

/** The name a module exports a schema object under, less its `$inboundSchema`. */
function nameOf(models: Module, schema: unknown): string | undefined {
  const key = Object.keys(models).find((k) => k.endsWith('$inboundSchema') && models[k] === schema);
  return key?.slice(0, -'$inboundSchema'.length);
}

/**
 * The newest SDK's union (StreamEvents) is Speakeasy's forward-compatible discriminated union, a transform whose
 * map of types to members no schema exposes: the map is read from the generated module's source, where it is
 * written out as `["response.output_text.delta"]: TextDeltaEvent$inboundSchema`.
 */
function membersFromSource(alias: string, file: string, union: string): Map<string, Member> {
  const text = readFileSync(join(dirname(require.resolve(`${alias}/package.json`)), 'esm', 'models', file), 'utf8');
  const start = text.indexOf(`export const ${union}$inboundSchema = discriminatedUnion(`);
  if (start < 0) throw new Error(`${alias}: models/${file} declares no ${union}$inboundSchema union`);
  const body = text.slice(start, text.indexOf('});', start));
  const members = new Map<string, Member>();
  for (const m of body.matchAll(/(?:\["([^"]+)"\]|([A-Za-z_][\w.:]*))\s*:\s*(\w+)\$inboundSchema/g)) members.set(m[1] ?? m[2]!, { name: m[3]! });
  return members;
}

/** The 0.1.x union (OpenResponsesStreamEvent) is a zod union: each member fixes its `type`, and has a writer. */
function membersFromSchema(models: Module, union: ZodLike): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const option of union._zod.def.options ?? []) {
    const schema = option._zod.def.type === 'lazy' ? option._zod.def.getter!() : option;
    const name = nameOf(models, schema);
    for (const type of unwrapped(schema)._zod.propValues?.type ?? []) {
      if (typeof type !== 'string' || !name) continue;
      const toJSON = models[`${lowerFirst(name)}ToJSON`];
      members.set(type, { name, toJSON: typeof toJSON === 'function' ? toJSON : undefined, outbound: models[`${name}$outboundSchema`] });
    }
  }
  return members;
}

/** The first issue the member of a value's `type` finds with it, in its own schema's words. */
function refusedBy(models: Module, members: Map<string, Member>) {
  return (raw: unknown): string | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    const member = typeof type === 'string' ? members.get(type) : undefined;
    if (typeof type === 'string' && !member) return `no member is of type ${JSON.stringify(type)}`;
    const r = member && models[`${member.name}$inboundSchema`]?.safeParse(raw);
    const issue = r && !r.success ? r.error.issues[0] : undefined;
    return issue && `${member!.name} refused it at /${issue.path.join('/')}: ${issue.message}`;
  };
}

/** The union of the SDK installed as `alias`: the schema its streaming `responses.send` hands every event to. */
export async function loadUnion(alias: string): Promise<StreamUnion> {
  const models: Module = await import(`${alias}/models`);
  const operations: Module = await import(`${alias}/models/operations`);
  const read = async (payload: Uint8Array) => {
    // CreateResponsesResponse$inboundSchema is what the SDK's sse matcher parses a response body with: an EventStream
    // whose every event goes through the union
    const stream = operations.CreateResponsesResponse$inboundSchema.parse(framed(payload)) as AsyncIterable<unknown>;
    for await (const event of stream) return event;
    throw new Error('the stream yielded no event');
  };
  if (models.OpenResponsesStreamEvent$inboundSchema) {
    const members = membersFromSchema(models, models.OpenResponsesStreamEvent$inboundSchema);
    return {
      members,
      read,
      whyRefused: refusedBy(models, members),
      toJSON: typeof models.openResponsesStreamEventToJSON === 'function' ? models.openResponsesStreamEventToJSON : undefined,
    };
  }
  // the module that builds the union also tells its fallback apart (a symbol only it holds)
  const { isUnknown } = (await import(`${alias}/types/discriminatedUnion.js`)) as Module;
  const members = membersFromSource(alias, 'streamevents.js', 'StreamEvents');
  return { members, read, isUnknown, whyRefused: refusedBy(models, members) };
}
