import { createHash } from 'node:crypto';
import { isFailed, type FailedResult, type RunEvent } from '../core/results.js';
import { LEVELS } from '../core/check.js';
import { baselineLines, behaviourClasses, behaviourGroups, cellText, collect, headline, implementationOf, isKnown, knownFailures, levelShare, restartLines, shortModel, STATUS_MARK } from './collect.js';
import { hexDump } from './_internals/hex-dump.js';
import { xmlText } from './_internals/xml.js';
import { FILTER_SCRIPT, REPORT_STYLE } from './_internals/html-assets.js';

/**
 * Every string that reaches the page goes through here, as into the JUnit
 * XML: the payloads are hostile by design, so nothing from a result is ever
 * markup or an attribute that a browser would act on.
 */
const esc = xmlText;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * No network and no script but ours, even if an escape were ever missed: the
 * policy allows exactly the inline script and style below, by hash.
 */
const CSP = `default-src 'none'; script-src 'sha256-${sha256(FILTER_SCRIPT)}'; style-src 'sha256-${sha256(REPORT_STYLE)}'; img-src 'none'; form-action 'none'; base-uri 'none'`;

function option(value: string, label = value): string {
  return `<option value="${esc(value)}">${esc(label)}</option>`;
}

function failureSection(r: FailedResult, anchor: string): string {
  const f = r.failure;
  const ce = f.counterexample;
  const parts = [
    `<section class="failure" id="${anchor}" data-level="${r.level}" data-statuses="failed" data-model="${esc(r.model)}">`,
    `<h3>${esc(r.adapter)} · ${esc(shortModel(r.model))} · <code>${esc(r.id)}</code></h3>`,
    `<p><b>${esc(f.kind)}</b>: ${esc(f.message, 1000)} <span class="muted">${f.flaky ? '(did not fail again when replayed: not shrunk)' : `(shrunk ${f.shrinks} times)`}</span></p>`,
  ];
  if (ce.payload) {
    parts.push('<h4>Payload (text, invisible characters as escapes)</h4>', `<pre class="payload">${esc(ce.payload.text, 20_000)}</pre>`);
    parts.push('<h4>Payload (bytes)</h4>', `<pre class="bytes">${hexDump(Buffer.from(ce.payload.base64, 'base64')).split('\n').map((l) => esc(l)).join('\n')}</pre>`);
  }
  if (ce.value !== undefined) parts.push('<h4>Value given</h4>', `<pre>${esc(JSON.stringify(ce.value), 20_000)}</pre>`);
  if (ce.note) parts.push(`<p class="muted">${esc(ce.note)}</p>`);
  if (f.answer !== undefined) parts.push('<h4>Implementation answered</h4>', `<pre class="answer">${esc(f.answer, 20_000)}</pre>`);
  if (f.stderr) parts.push('<h4>stderr</h4>', `<pre>${esc(f.stderr, 20_000)}</pre>`);
  parts.push('<h4>Replay</h4>', `<pre class="replay">${esc(f.replayCommand)}</pre>`, '</section>');
  return parts.join('\n');
}

/**
 * One self-contained HTML file: the matrix of implementations × checks
 * coloured by status, filters by level, status and model, and every failure
 * with its shrunk counterexample, bytes, answer and replay command.
 */
export function htmlReport(events: readonly RunEvent[]): string {
  const d = collect(events);
  const failures = d.results.filter(isFailed);
  const anchors = new Map(failures.map((r, i) => [r, `f${i + 1}`]));
  const models = [...new Set(d.rows.map((r) => r.model))];
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  out.push('<meta name="referrer" content="no-referrer">', '<title>Open Responses conformance</title>');
  out.push(`<style>${REPORT_STYLE}</style></head><body>`);
  out.push('<h1>Open Responses conformance</h1>');
  if (!d.complete) out.push(`<p class="banner">Incomplete run (${esc(d.incompleteReason ?? '')}): what follows is what ran before it stopped.</p>`);
  out.push(`<p class="headline"><b>${esc(headline(d))}</b></p>`);
  if (d.run) out.push(`<p>Seed <code>${d.run.seed}</code>, ${d.run.runs} cases per property, ${d.run.models.length} model(s)${d.run.shard ? `, shard ${esc(d.run.shard)}` : ''}.</p>`);
  const gate = baselineLines(d);
  if (gate.length) out.push(`<pre class="gate">${gate.map((l) => esc(l)).join('\n')}</pre>`);
  const known = knownFailures(d);
  for (const e of d.adapterErrors) out.push(`<p class="banner">Adapter <b>${esc(e.adapter)}</b> did not start: ${esc(e.message)}</p>`);
  for (const line of restartLines(d)) out.push(`<p class="banner">${esc(line, 600)}</p>`);

  out.push('<table class="summary"><thead><tr><th>adapter</th><th>implementation</th><th>Required</th><th>Recommended</th><th>Informational</th></tr></thead><tbody>');
  for (const a of d.adapterNames) {
    const t = d.tallies[a]!;
    out.push(`<tr><td>${esc(a)}</td><td>${esc(implementationOf(d, a))}</td><td>${levelShare(t.Required)}</td><td>${levelShare(t.Recommended)}</td><td>${t.Informational.observed} observed</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push('<form class="filters" id="filters">');
  out.push(`<label>Level <select id="f-level"><option value="">all</option>${LEVELS.map((l) => option(l)).join('')}</select></label>`);
  out.push(`<label>Status <select id="f-status"><option value="">all</option>${(['failed', 'passed', 'unsupported', 'observed'] as const).map((s) => option(s, STATUS_MARK[s])).join('')}</select></label>`);
  out.push(`<label>Model <select id="f-model"><option value="">all</option>${models.map((m) => option(m, shortModel(m))).join('')}</select></label>`);
  out.push('<span id="f-count" class="muted"></span></form>');

  out.push('<h2>Matrix</h2>', '<table class="matrix" id="matrix"><thead><tr><th>model</th><th>check</th>');
  out.push(...d.adapterNames.map((a) => `<th>${esc(a)}</th>`), '</tr></thead><tbody>');
  for (const row of d.rows) {
    const statuses = new Set(Object.values(row.cells).map((r) => r!.status));
    const classes = behaviourClasses(row, d.adapterNames);
    out.push(`<tr data-level="${row.level}" data-statuses="${[...statuses].join(' ')}" data-model="${esc(row.model)}"><td>${esc(shortModel(row.model))}</td><td><code>${esc(row.id)}</code></td>`);
    for (const a of d.adapterNames) {
      const r = row.cells[a];
      if (!r) out.push('<td></td>');
      else if (r.status === 'failed' && isKnown(known, r)) out.push(`<td class="st-known" title="a known failure, listed in the baseline"><a href="#${anchors.get(r)}">known</a></td>`);
      else if (r.status === 'failed') out.push(`<td class="st-failed"><a href="#${anchors.get(r)}">${STATUS_MARK.failed}</a></td>`);
      else if (r.status === 'observed') out.push(`<td class="st-observed beh-${classes.get(cellText(r))! % 8}" title="${esc((r.observations ?? []).map((o) => `${o.label}: ${o.outcome}`).join(' · '), 600)}">${esc(cellText(r), 80)}</td>`);
      else out.push(`<td class="st-${r.status}" title="${esc(r.reason ?? r.description, 300)}">${STATUS_MARK[r.status]}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  out.push(`<p class="muted">Cells: <span class="st-passed">${STATUS_MARK.passed}</span> <span class="st-failed">${STATUS_MARK.failed}</span> <span class="st-known">known</span> (a failure the baseline lists, failing as it says) <span class="st-unsupported">${STATUS_MARK.unsupported}</span>; an observation shows its behaviour label, one colour per behaviour within a row.</p>`);

  if (failures.length) {
    out.push(`<h2>Failures (${failures.length})</h2>`);
    for (const r of failures) out.push(failureSection(r, anchors.get(r)!));
  }
  const byCheck = new Map<string, ReturnType<typeof behaviourGroups>>();
  const said = new Set<string>();
  for (const g of behaviourGroups(d)) {
    // a case that behaves alike under every model is said once
    const key = `${g.id}\u0000${g.case}\u0000${g.behaviours.map((b) => `${b.behaviour}:${b.adapters.join(',')}`).join(';')}`;
    if (said.has(key)) continue;
    said.add(key);
    byCheck.set(g.id, [...(byCheck.get(g.id) ?? []), g]);
  }
  if (byCheck.size) {
    out.push('<h2>Behaviours (implementation-defined)</h2>', '<p class="muted">Each case, and which implementations share each behaviour; hover a behaviour for what the first of them did. One fold per check.</p>');
    for (const [id, cases] of byCheck) {
      const labels = new Set(cases.flatMap((g) => g.behaviours.map((b) => b.behaviour)));
      out.push(`<details class="behaviours" data-level="Informational" data-statuses="observed"><summary><code>${esc(id)}</code> <span class="muted">${cases.length} case(s), ${labels.size} behaviour(s)</span></summary>`);
      out.push('<table class="behaviours"><thead><tr><th>model</th><th>case</th><th>behaviours</th></tr></thead><tbody>');
      for (const g of cases) {
        const chips = g.behaviours.map((b, i) => `<span class="chip beh-${i % 8}" title="${esc(b.detail, 400)}">${esc(b.behaviour, 80)}</span> ${esc(b.adapters.join(', '))}`).join('<br>');
        out.push(`<tr data-level="Informational" data-statuses="observed" data-model="${esc(g.model)}"><td>${esc(shortModel(g.model))}</td><td>${esc(g.case, 200)}</td><td>${chips}</td></tr>`);
      }
      out.push('</tbody></table></details>');
    }
  }
  out.push(`<p class="muted">Levels: ${LEVELS.join(', ')}. Written by openresponses-conformance${d.finishedAt ? ` at ${esc(d.finishedAt)}` : ''}.</p>`);
  out.push(`<script>${FILTER_SCRIPT}</script>`, '</body></html>');
  return out.join('\n') + '\n';
}
