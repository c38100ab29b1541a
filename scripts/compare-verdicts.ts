import { readFileSync } from 'node:fs';

/**
 * `tsx scripts/compare-verdicts.ts BEFORE.json AFTER.json`: what changed
 * between two main jobs' reports, verdict by verdict: checks that appeared or
 * went, and every change of status or failure kind, grouped by check family
 * (the id without its field) and adapter, with the models it touched and one
 * message of each side. A change meant to change verdicts records the
 * fixture again (scripts/record-verdicts.ts) and says why with this list.
 */
interface Result {
  adapter: string;
  model: string;
  id: string;
  status: string;
  failure?: { kind: string; message: string };
  reason?: string;
  observations?: { behaviour: string }[];
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  process.stderr.write('usage: tsx scripts/compare-verdicts.ts BEFORE/report.json AFTER/report.json\n');
  process.exit(2);
}
const read = (f: string) => new Map((JSON.parse(readFileSync(f, 'utf8')).results as Result[]).map((r) => [`${r.adapter}\u0000${r.model}\u0000${r.id}`, r]));
const before = read(beforeFile);
const after = read(afterFile);
const outcome = (r: Result | undefined) =>
  !r
    ? 'absent'
    : r.status === 'failed'
      ? `failed (${r.failure!.kind})`
      : r.status === 'observed'
        ? `observed: ${[...new Set(r.observations!.map((o) => o.behaviour))].join(' / ')}`
        : r.status;
const family = (id: string) =>
  id.replace(/\.(item_id|output_index|sequence_number|partial_image_b64|partial_image_index|size|quality|background|output_format|type)$/, '.<field>');
const short = (m: string) => m.replace('OpenResponsesImageGenCall', '');
const said = (r: Result | undefined) => (r?.failure?.message ?? r?.reason ?? '').replace(/\s+/g, ' ').slice(0, 140);

const groups = new Map<string, { models: Set<string>; checks: Set<string>; was: string; now: string; sample: string }>();
for (const key of new Set([...before.keys(), ...after.keys()])) {
  const b = before.get(key);
  const a = after.get(key);
  const [adapter, model, id] = key.split('\u0000') as [string, string, string];
  const was = outcome(b);
  const now = outcome(a);
  if (was === now) continue;
  const g = `${family(id)}\u0000${adapter}\u0000${was}\u0000${now}`;
  const entry = groups.get(g) ?? { models: new Set(), checks: new Set(), was, now, sample: said(a) || said(b) };
  entry.models.add(short(model));
  entry.checks.add(id);
  groups.set(g, entry);
}
const rows = [...groups.entries()].sort(([x], [y]) => (x < y ? -1 : 1));
process.stdout.write(`${rows.length} groups of changed verdicts (check family · adapter: before → after [models] — a message)\n`);
for (const [g, e] of rows) {
  const [fam, adapter] = g.split('\u0000');
  process.stdout.write(`${fam} · ${adapter}: ${e.was} → ${e.now} ×${e.checks.size} [${[...e.models].join(', ')}]${e.sample ? ` — ${e.sample}` : ''}\n`);
}
