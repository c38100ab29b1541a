/**
 * Cuts the streaming events of the Open Responses OpenAPI document into
 * standalone JSON Schema 2020-12 files, one per event, each as the spec writes
 * it: the event's schema at the root, every schema it reaches through `$ref`
 * copied into `$defs`, annotations kept (loading them is what these files test).
 *
 *   tsx scripts/cut-spec-events.ts [SPEC.json] --out DIR
 *
 * SPEC.json defaults to ../shared/openresponses-spec/openapi-2026-04-24.json
 * beside the clone, where CI puts it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SPEC = resolve(import.meta.dirname, '..', '..', 'shared', 'openresponses-spec', 'openapi-2026-04-24.json');

type Obj = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';

export interface CutEvent {
  /** The event's `type` value, which names its file. */
  type: string;
  /** The component it was cut from. */
  component: string;
  schema: Obj;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `$ref`s of the union the document streams from `text/event-stream`, in its order. */
function streamUnion(doc: Obj): string[] {
  const found: string[][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObj(v)) return;
    const stream = v['text/event-stream'];
    if (isObj(stream) && isObj(stream.schema)) {
      const members = stream.schema.oneOf ?? stream.schema.anyOf;
      if (Array.isArray(members)) found.push(members.map((m) => (isObj(m) && typeof m.$ref === 'string' ? m.$ref : '')));
    }
    Object.values(v).forEach(walk);
  };
  walk(doc.paths);
  if (found.length === 0) throw new Error('the document has no text/event-stream response whose schema is a oneOf or anyOf of events');
  const refs = [...new Set(found.flat())];
  const bad = refs.find((r) => !r.startsWith(COMPONENT));
  if (bad !== undefined) throw new Error(`a member of the stream union is not a $ref to ${COMPONENT}… (${JSON.stringify(bad)})`);
  return refs;
}

function component(doc: Obj, ref: string): Obj {
  const name = ref.slice(COMPONENT.length);
  const schemas = (doc.components as Obj | undefined)?.schemas as Obj | undefined;
  const schema = schemas?.[name];
  if (!isObj(schema)) throw new Error(`$ref ${ref} names no schema of the document`);
  return schema;
}

/** The one value an event's `type` allows: a `const`, or an `enum` of one, as the spec writes it. */
function eventType(schema: Obj, name: string): string {
  const t = (schema.properties as Obj | undefined)?.type;
  if (isObj(t) && typeof t.const === 'string') return t.const;
  if (isObj(t) && Array.isArray(t.enum) && t.enum.length === 1 && typeof t.enum[0] === 'string') return t.enum[0];
  throw new Error(`event ${name} has no "type" of one string value`);
}

/** A copy with every `$ref` to a component pointed at `#/$defs/<Name>`; each component reached is added to `reached`. */
function rewrite(v: unknown, reached: string[]): unknown {
  if (Array.isArray(v)) return v.map((x) => rewrite(x, reached));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$ref' && typeof x === 'string') {
      if (!x.startsWith(COMPONENT)) throw new Error(`$ref ${JSON.stringify(x)} is not a $ref to ${COMPONENT}…; the cut knows no other`);
      const name = x.slice(COMPONENT.length);
      if (!reached.includes(name)) reached.push(name);
      out[k] = `#/$defs/${name}`;
    } else out[k] = rewrite(x, reached);
  }
  return out;
}

/** Every event of the stream union, cut out. */
export function cutSpecEvents(doc: Obj): CutEvent[] {
  const version = typeof (doc.info as Obj | undefined)?.version === 'string' ? ((doc.info as Obj).version as string) : 'unversioned';
  return streamUnion(doc).map((ref) => {
    const name = ref.slice(COMPONENT.length);
    const event = component(doc, ref);
    const type = eventType(event, name);
    const reached: string[] = [];
    const root = rewrite(event, reached) as Obj;
    const defs: Obj = {};
    // `reached` grows while it is walked: each component's own $refs are followed in turn
    for (let i = 0; i < reached.length; i++) defs[reached[i]!] = rewrite(component(doc, COMPONENT + reached[i]!), reached);
    if ('$defs' in root || '$schema' in root || '$id' in root) throw new Error(`event ${name} already has $defs, $schema or $id; the cut would overwrite it`);
    const schema: Obj = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:openresponses:${version}:event:${type}`, ...root };
    if (reached.length > 0)
      schema.$defs = Object.fromEntries(
        Object.keys(defs)
          .sort()
          .map((k) => [k, defs[k]]),
      );
    return { type, component: name, schema };
  });
}

function main(argv: string[]): number {
  const args = [...argv];
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0) args.splice(at, 2);
  if (!out || args.length > 1 || args.some((a) => a.startsWith('--'))) {
    process.stderr.write('usage: tsx scripts/cut-spec-events.ts [SPEC.json] --out DIR\n');
    return 2;
  }
  const spec = resolve(args[0] ?? DEFAULT_SPEC);
  if (!existsSync(spec)) {
    process.stderr.write(`cut-spec-events: no spec document at ${spec}; give its path (CI puts ../shared beside the clone)\n`);
    return 2;
  }
  let events: CutEvent[];
  try {
    events = cutSpecEvents(JSON.parse(readFileSync(spec, 'utf8')) as Obj);
  } catch (e) {
    process.stderr.write(`cut-spec-events: ${spec}: ${(e as Error).message}\n`);
    return 2;
  }
  mkdirSync(out, { recursive: true });
  for (const e of events) writeFileSync(join(out, `${e.type}.schema.json`), `${JSON.stringify(e.schema, null, 2)}\n`);
  process.stdout.write(`${events.length} event schemas written to ${resolve(out)}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
