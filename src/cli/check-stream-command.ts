import { existsSync, readFileSync, statSync } from 'node:fs';
import { visible } from '../../reports/_internals/visible.ts';
import { UsageError } from '../errors.ts';
import type { Json } from '../json.ts';
import { loadSchemaSet, modelOfEventType, type SchemaSet } from '../models.ts';
import { readStream } from '../stream/read-stream.ts';
import { RULES, stageOf, StreamValidator } from '../stream/rules.ts';
import { parse } from './args.ts';

export const CHECK_STREAM_HELP = `orc check-stream FILE [--all] [--json]
                           validate a recorded stream (an SSE capture or NDJSON of events) against
                           the models and the sequence rules; points at the first event that breaks one`;

interface Problem {
  event: number;
  line: number;
  rule: string;
  message: string;
}

function schemaProblem(set: SchemaSet, event: Json, sseEvent: string | null | undefined): { rule: string; message: string } | undefined {
  const type = (event as { type?: unknown } | null)?.type;
  if (sseEvent && typeof type === 'string' && sseEvent !== type) return { rule: 'EventField', message: `the SSE event: field says ${JSON.stringify(sseEvent)}, the data's type ${JSON.stringify(type)}` };
  const model = modelOfEventType(set, type);
  if (!model) return undefined;
  const validate = set.ajv.getSchema(model.id)!;
  if (validate(event)) return undefined;
  const e = validate.errors![0]!;
  return { rule: `Schema.${model.name}`, message: `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}` };
}

export async function checkStreamCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('check-stream', argv, { all: { type: 'boolean' }, json: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('orc check-stream needs a file: a saved text/event-stream capture or NDJSON, one event per line');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file} is not a file; give the path of a saved stream`);
  const stream = readStream(readFileSync(file));
  const set = loadSchemaSet([]);
  const rules = new StreamValidator();
  const problems: Problem[] = [];
  let imageEvents = 0;
  stream.events.forEach((e, i) => {
    const at = (rule: string, message: string) => problems.push({ event: i + 1, line: e.line, rule, message });
    let event: Json;
    try {
      event = JSON.parse(e.text);
    } catch (err) {
      return at('Json', `not JSON: ${(err as Error).message}`);
    }
    if (stageOf(event)) imageEvents++;
    const s = schemaProblem(set, event, e.sseEvent);
    if (s) return at(s.rule, s.message);
    const v = rules.push(event);
    if (v) at(v.rule, v.message);
  });
  // what the end of the stream reveals comes after what the events themselves break
  for (const v of rules.end()) problems.push({ event: v.index + 1, line: stream.events[v.index]!.line, rule: v.rule, message: v.message });
  if (stream.unterminated) problems.push({ event: stream.events.length + 1, line: 0, rule: 'Framing', message: 'the capture ends inside an event (no blank line after it): a client discards that event' });

  const shown = values.all ? problems : problems.slice(0, 1);
  if (values.json) {
    process.stdout.write(JSON.stringify({ file, format: stream.format, events: stream.events.length, imageGenerationEvents: imageEvents, ok: problems.length === 0, problems }, null, 2) + '\n');
  } else {
    process.stdout.write(`${file}: ${stream.format}, ${stream.events.length} events (${imageEvents} image-generation)\n`);
    if (problems.length === 0) process.stdout.write(`ok: every event matches its model, and the stream keeps every rule:\n${Object.values(RULES).map((r) => `  - ${r}`).join('\n')}\n`);
    for (const p of shown) {
      process.stdout.write(`${p === problems[0] ? 'first problem' : 'problem'}: event ${p.event}${p.line ? ` (line ${p.line})` : ''}: ${p.rule}: ${visible(p.message, 400)}\n`);
      const ev = stream.events[p.event - 1];
      if (ev) process.stdout.write(`  ${visible(ev.text, 300)}\n`);
    }
    if (!values.all && problems.length > 1) process.stdout.write(`(${problems.length - 1} more; --all lists them)\n`);
  }
  return problems.length === 0 ? 0 : 1;
}
