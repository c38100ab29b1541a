import { createReadStream, existsSync, statSync } from 'node:fs';
import { visible } from '../../core/visible.js';
import { UsageError } from '../../core/errors.js';
import type { Json } from '../../core/json.js';
import { loadSchemaSet, modelOfEventType, type SchemaSet } from '../../core/models.js';
import { StreamReader, type RecordedEvent } from '../stream/read-stream.js';
import { RULES, stageOf, StreamValidator } from '../../core/stream-rules.js';
import { parse } from './args.js';

export const CHECK_STREAM_HELP = `orc check-stream FILE|- [--all] [--json]
                           validate a recorded stream (an SSE capture or NDJSON of events; - reads
                           standard input) against the models and the sequence rules; points at the
                           first event that breaks one; a stream with no image-generation event fails`;

interface Problem {
  /** The event's place in the capture (0: the stream as a whole). */
  event: number;
  line: number;
  rule: string;
  message: string;
  /** The event's text, clipped: the capture itself is not kept. */
  text?: string;
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

/** Problems kept in full; past this a capture of garbage is counted, not held in memory. */
const MAX_KEPT = 1000;

export async function checkStreamCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('check-stream', argv, { all: { type: 'boolean' }, json: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('orc check-stream needs a file: a saved text/event-stream capture or NDJSON, one event per line (- reads standard input)');
  if (file !== '-' && (!existsSync(file) || !statSync(file).isFile())) throw new UsageError(`${file} is not a file; give the path of a saved stream, or - for standard input`);
  const set = loadSchemaSet([]);
  const rules = new StreamValidator();
  const reader = new StreamReader();
  const problems: Problem[] = [];
  let problemCount = 0;
  /** Each event the rules saw, by the rules' count: what the end reveals points back at it. */
  const seen: { event: number; line: number }[] = [];
  let events = 0;
  let imageEvents = 0;
  const add = (p: Problem) => {
    problemCount++;
    if (problems.length < MAX_KEPT) problems.push(p);
  };
  const check = (e: RecordedEvent) => {
    events++;
    const at = (rule: string, message: string) => add({ event: events, line: e.line, rule, message, text: e.text.slice(0, 400) });
    let event: Json;
    try {
      event = JSON.parse(e.text);
    } catch (err) {
      at('Json', `not JSON: ${(err as Error).message}`);
      // an SSE error event may carry plain text: it still ends the stream in failure
      if (e.sseEvent === 'error') {
        seen.push({ event: events, line: e.line });
        rules.push(null, e.sseEvent);
      }
      return;
    }
    if (stageOf(event)) imageEvents++;
    const s = schemaProblem(set, event, e.sseEvent);
    if (s) at(s.rule, s.message);
    // an event that breaks its model still takes its place in the sequence: one problem must not hide another
    if (s && (event === null || typeof event !== 'object' || Array.isArray(event))) return;
    seen.push({ event: events, line: e.line });
    const v = rules.push(event, e.sseEvent);
    if (v) at(v.rule, v.message);
  };
  const input = file === '-' ? process.stdin : createReadStream(file);
  for await (const chunk of input) for (const e of reader.push(chunk as Buffer)) check(e);
  const end = reader.end();
  for (const e of end.events) check(e);
  // what the end of the stream reveals comes after what the events themselves break
  for (const v of rules.end()) add({ ...(seen[v.index] ?? { event: 0, line: 0 }), rule: v.rule, message: v.message });
  // a capture with nothing to check must not pass: an empty file, random bytes, another API's stream
  if (imageEvents === 0) add({ event: 0, line: 0, rule: 'NothingChecked', message: `no image-generation event among the ${events} event(s) read: nothing was checked; is this the right capture?` });
  if (end.unterminated) add({ event: events + 1, line: 0, rule: 'Framing', message: 'the capture ends inside an event (no blank line after it): a client discards that event' });

  const format = reader.format ?? 'ndjson';
  const shown = values.all ? problems : problems.slice(0, 1);
  if (values.json) {
    process.stdout.write(JSON.stringify({ file, format, events, imageGenerationEvents: imageEvents, ok: problemCount === 0, problemCount, problems }, null, 2) + '\n');
  } else {
    process.stdout.write(`${file === '-' ? 'standard input' : file}: ${format}, ${events} events (${imageEvents} image-generation)\n`);
    if (problemCount === 0) process.stdout.write(`ok: every event matches its model, and the stream keeps every rule:\n${Object.values(RULES).map((r) => `  - ${r}`).join('\n')}\n`);
    for (const p of shown) {
      const where = p.event ? `event ${p.event}${p.line ? ` (line ${p.line})` : ''}: ` : p.line ? `line ${p.line}: ` : '';
      process.stdout.write(`${p === problems[0] ? 'first problem' : 'problem'}: ${where}${p.rule}: ${visible(p.message, 400)}\n`);
      if (p.text !== undefined) process.stdout.write(`  ${visible(p.text, 300)}\n`);
    }
    const untold = problemCount - shown.length;
    if (untold > 0) process.stdout.write(`(${untold} more; ${values.all ? `only the first ${MAX_KEPT} are listed` : '--all lists them'})\n`);
  }
  return problemCount === 0 ? 0 : 1;
}
