import { createReadStream, existsSync, statSync } from 'node:fs';
import { visible } from '../../core/visible.js';
import { UsageError } from '../../core/errors.js';
import { eventTypeOf, loadSchemaSet } from '../../core/models.js';
import { RULES } from '../../core/stream-rules.js';
import { checkStream } from '../../stream/check-stream.js';
import { parse } from './args.js';
import { jsonDocument } from '../../core/json.js';
import { FAMILIES, modelFamily, type Family } from '../../core/families.js';

export const CHECK_STREAM_HELP = `orc check-stream FILE|- [--all] [--json] [--strict] [--family F]... [--schema FILE]...
                           validate a recorded stream (an SSE capture or NDJSON of events; - reads
                           standard input) against the models (the Open Responses spec's 24
                           streaming events and the 4 image-generation events) and the stream rules
                           (sequence_number, the image-generation item rules, and the spec's rules
                           of a whole stream for the event types the models describe:
                           response.created first, one terminal event, [DONE], items and content
                           parts in order, deltas that make their .done text); points at the first
                           event that breaks one; a stream with no event of any model fails; events
                           of other types, provider events (acme:…) and members no model names are
                           noted, not failed (--strict fails each member no model names);
                           --family F holds it to the models of those families only, and so to
                           their rules (repeatable or comma-separated; F is one of lifecycle,
                           output-item, content-part, text, refusal, reasoning, function-call,
                           error, image-generation): --family image-generation checks an OpenAI
                           image-generation capture, whose other events are not the spec's;
                           --schema adds a model from a JSON Schema file, for events whose type it
                           names, standing in for a bundled model of that type (repeatable),
                           and held whatever --family says`;

export async function checkStreamCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    'check-stream',
    argv,
    {
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      family: { type: 'string', multiple: true },
      schema: { type: 'string', multiple: true },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new UsageError('orc check-stream needs a file: a saved text/event-stream capture or NDJSON, one event per line (- reads standard input)');
  if (file !== '-' && (!existsSync(file) || !statSync(file).isFile()))
    throw new UsageError(`${file} is not a file; give the path of a saved stream, or - for standard input`);
  const strict = values.strict === true;
  const families = values.family ? familiesOf(values.family) : undefined;
  const schemas = values.schema ?? [];
  const set = loadSchemaSet(schemas);
  const given = set.models.slice(set.models.length - schemas.length);
  for (const m of given) {
    if (!eventTypeOf(m))
      throw new UsageError(
        `schema ${m.name} names no event type: give it "x-event-type", or a "type" property whose "const" (or one-value "enum") is the event's type`,
      );
  }
  const r = await checkStream(set, file === '-' ? process.stdin : createReadStream(file), {
    strict,
    ...(families ? { families, alwaysHeld: given.map((m) => m.name) } : {}),
  });
  const { problems, problemCount } = r;
  const shown = values.all ? problems : problems.slice(0, 1);
  if (values.json) {
    process.stdout.write(
      jsonDocument({
        file,
        format: r.format,
        events: r.events,
        imageGenerationEvents: r.imageGenerationEvents,
        modelEvents: r.modelEvents,
        eventsByModel: r.eventsByModel,
        rulesApplied: r.rulesApplied,
        familiesHeld: r.familiesHeld.map(cliName),
        extensionEvents: r.extensionEvents,
        ok: problemCount === 0,
        problemCount,
        problems,
        strict,
        untrackedItemEvents: r.untrackedItemEvents,
        otherEvents: r.otherEvents,
        otherEventTypes: r.otherEventTypes,
        unknownFields: r.unknownFields,
        unknownFieldsUnlisted: r.unknownFieldsUnlisted,
        notes: r.notes,
      }),
    );
  } else {
    // the families the capture held, each with its models' counts: what was checked, in the words of the stream
    const seen = FAMILIES.flatMap((f) => {
      const models = r.eventsByModel.filter((m) => modelFamily(m.type) === f);
      return models.length ? [{ family: f, models, count: models.reduce((n, m) => n + m.count, 0) }] : [];
    });
    const counts = [...seen.map((s) => `${s.count} ${s.family}`), ...(r.otherEvents ? [`${r.otherEvents} of other types`] : [])];
    process.stdout.write(
      `${file === '-' ? 'standard input' : file}: ${r.format}, ${r.events} events${counts.length ? ` (${counts.join(', ')})` : ''}${
        families ? `, held to the models of ${r.familiesHeld.join(', ')} only` : ''
      }\n`,
    );
    for (const s of seen) process.stdout.write(`  ${s.family}: ${s.models.map((m) => `${m.type} ×${m.count}`).join(', ')}\n`);
    if (problemCount === 0)
      process.stdout.write(
        `ok: every event of a model here (${seen.map((s) => s.family).join(', ')}) matches its model, and ${
          r.rulesApplied.length ? 'the stream keeps every rule that applies to it:' : 'no stream rule applies to its events'
        }\n${r.rulesApplied.map((rule) => `  - ${rule}: ${RULES[rule]}\n`).join('')}`,
      );
    for (const p of shown) {
      const where = p.event ? `event ${p.event}${p.line ? ` (line ${p.line})` : ''}: ` : p.line ? `line ${p.line}: ` : '';
      process.stdout.write(`${p === problems[0] ? 'first problem' : 'problem'}: ${where}${p.rule}: ${visible(p.message, 400)}\n`);
      if (p.text !== undefined) process.stdout.write(`  ${visible(p.text, 300)}\n`);
    }
    const untold = problemCount - shown.length;
    if (untold > 0) process.stdout.write(`(${untold} more; ${values.all ? `only the first ${problems.length} are listed` : '--all lists them'})\n`);
    for (const note of r.notes) process.stdout.write(`note: ${visible(note, 2000)}\n`);
  }
  return problemCount === 0 ? 0 : 1;
}

/** The families a --family can name: core/families.ts's but "other", which no bundled model is of. */
const NAMED = FAMILIES.filter((f) => f !== 'other');

/** A family as a command line spells it, a hyphen for a space. */
function cliName(f: Family): string {
  return f.replace(/ /g, '-');
}

/** The families of each --family, repeated or comma-separated. */
function familiesOf(given: string[]): Family[] {
  const out = new Set<Family>();
  for (const word of given.flatMap((g) => g.split(','))) {
    const name = word.trim();
    const family = NAMED.find((f) => cliName(f) === name);
    if (!family) throw new UsageError(`unknown family "${visible(name, 60)}" for --family; the families are ${NAMED.map(cliName).join(', ')}`);
    out.add(family);
  }
  return [...out];
}
