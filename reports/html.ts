import { counted } from '../core/visible.js';
import { createHash } from 'node:crypto';
import { isFailed, type CheckResult, type FailedResult, type RunEvent } from '../core/results.js';
import { LEVELS } from '../core/check.js';
import {
  adapterKey,
  baselineLines,
  behaviourClasses,
  behaviourGroups,
  cellText,
  collect,
  headline,
  implementationOf,
  isKnown,
  knownFailures,
  levelShare,
  restartLines,
  shortModel,
  STATUS_MARK,
  suiteCell,
  type MatrixRow,
  type RunData,
} from './collect.js';
import { byFamily } from '../core/families.js';
import { hexDump } from './_internals/hex-dump.js';
import { xmlText } from './_internals/xml.js';
import { FILTER_SCRIPT, REPORT_STYLE } from './_internals/html-assets.js';
import { endingEach } from './_internals/lines.js';

/**
 * Every string that reaches the page goes through here, as into the JUnit
 * XML: the payloads are hostile by design, so nothing from a result is ever
 * markup or an attribute that a browser would act on. Ids and links are the
 * report's own (`f12`, `fam-3`, `m-7`), never a name from a result.
 */
const esc = xmlText;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * No network and no script but ours, even if an escape were ever missed: the
 * policy allows exactly the inline script and style below, by hash.
 */
const CSP = `default-src 'none'; script-src 'sha256-${sha256(FILTER_SCRIPT)}'; style-src 'sha256-${sha256(REPORT_STYLE)}'; img-src 'none'; form-action 'none'; base-uri 'none'`;

/** A model's name in a narrow first column: `ResponseOutputTextDeltaStreamingEvent` → `OutputTextDelta`, `OpenResponsesImageGenCallGenerating` → `Generating`. */
const modelLabel = (m: string) =>
  shortModel(m)
    .replace(/^Response(?=[A-Z])/, '')
    .replace(/(?<=[a-z])(StreamingEvent|Event)$/, '');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
    parts.push(
      '<h4>Payload (bytes)</h4>',
      `<pre class="bytes">${hexDump(Buffer.from(ce.payload.base64, 'base64'))
        .split('\n')
        .map((l) => esc(l))
        .join('\n')}</pre>`,
    );
  }
  if (ce.value !== undefined) parts.push('<h4>Value given</h4>', `<pre>${esc(JSON.stringify(ce.value), 20_000)}</pre>`);
  if (ce.note) parts.push(`<p class="muted">${esc(ce.note)}</p>`);
  if (f.answer !== undefined) parts.push('<h4>Implementation answered</h4>', `<pre class="answer">${esc(f.answer, 20_000)}</pre>`);
  if (f.stderr) parts.push('<h4>stderr</h4>', `<pre>${esc(f.stderr, 20_000)}</pre>`);
  parts.push('<h4>Replay</h4>', `<pre class="replay">${esc(f.replayCommand)}</pre>`, '</section>');
  return parts.join('\n');
}

/** Each adapter's failures, by check, Required first: one fold per adapter, one per check, so thousands of failures take a line each adapter. */
function failureFolds(d: RunData, failures: FailedResult[], anchors: Map<CheckResult, string>, keys: Map<string, string>): string[] {
  const known = knownFailures(d);
  const out: string[] = [];
  for (const a of d.adapterNames) {
    const mine = failures.filter((r) => r.adapter === a);
    if (!mine.length) continue;
    const checks = new Map<string, FailedResult[]>();
    for (const r of [...mine].sort((x, y) => LEVELS.indexOf(x.level) - LEVELS.indexOf(y.level))) checks.set(r.id, [...(checks.get(r.id) ?? []), r]);
    const fresh = mine.filter((r) => !isKnown(known, r)).length;
    const required = new Set(mine.filter((r) => r.level === 'Required').map((r) => r.id)).size;
    out.push(
      `<details class="fail-adapter" data-group><summary><b class="key">${keys.get(a)}</b> ${esc(a)} <span class="muted">${plural(checks.size, 'failing check')} (${required} Required), ${plural(mine.length, 'result')}${fresh < mine.length ? `, ${mine.length - fresh} known` : ''}</span></summary>`,
    );
    for (const [id, results] of checks) {
      const allKnown = results.every((r) => isKnown(known, r));
      const models = results.map((r) => shortModel(r.model)).join(', ');
      out.push(
        `<details class="fail-check" data-group><summary><code>${esc(id)}</code> <span class="muted">${esc(models, 300)}</span>${allKnown ? ' <span class="st-known chip">known</span>' : ''}</summary>`,
      );
      for (const r of results) out.push(failureSection(r, anchors.get(r)!));
      out.push('</details>');
    }
    out.push('</details>');
  }
  return out;
}

/** What one adapter's results over some rows come to, as one cell: new failures counted, else known ones, else pass or n/a; observations alone say so. */
function aggregateCell(results: CheckResult[], known: Set<string>): string {
  const judged = results.filter((r) => r.level !== 'Informational');
  if (!judged.length)
    return results.length ? `<td class="st-observed" title="${plural(results.length, 'observation')}">${STATUS_MARK.observed}</td>` : '<td></td>';
  const c = suiteCell(judged, known);
  const passed = judged.filter((r) => r.status === 'passed').length;
  const na = judged.filter((r) => r.status === 'unsupported').length;
  if (c.kind === 'failed') return `<td class="st-failed" title="${c.count} of ${judged.length} Required and Recommended results failed">${c.count}</td>`;
  if (c.kind === 'known') return `<td class="st-known" title="${plural(c.count, 'known failure')}, listed in the baseline">${c.count}</td>`;
  if (c.kind === 'passed') return `<td class="st-passed" title="${passed} passed${na ? `, ${na} n/a` : ''}">${STATUS_MARK.passed}</td>`;
  return `<td class="st-unsupported" title="${na} n/a">${STATUS_MARK.unsupported}</td>`;
}

function matrixRow(d: RunData, row: MatrixRow, known: Set<string>, anchors: Map<CheckResult, string>): string {
  const statuses = new Set(Object.values(row.cells).map((r) => r!.status));
  const classes = behaviourClasses(row, d.adapterNames);
  const cells = d.adapterNames.map((a) => {
    const r = row.cells[a];
    if (!r) return '<td></td>';
    if (r.status === 'failed' && isKnown(known, r))
      return `<td class="st-known" title="a known failure, listed in the baseline"><a href="#${anchors.get(r)}">known</a></td>`;
    if (r.status === 'failed') return `<td class="st-failed"><a href="#${anchors.get(r)}">${STATUS_MARK.failed}</a></td>`;
    if (r.status === 'observed')
      return `<td class="st-observed beh-${classes.get(cellText(r))! % 8}" title="${esc((r.observations ?? []).map((o) => `${o.label}: ${o.outcome}`).join(' · '), 600)}">${esc(cellText(r), 80)}</td>`;
    return `<td class="st-${r.status}" title="${esc(r.reason ?? r.description, 300)}">${STATUS_MARK[r.status]}</td>`;
  });
  return `<tr class="check" data-level="${row.level}" data-statuses="${[...statuses].join(' ')}" data-model="${esc(row.model)}"><td><code>${esc(row.id)}</code></td>${cells.join('')}</tr>`;
}

/**
 * One self-contained HTML file that reads at a glance at dozens of adapters
 * and models: contents at the top, adapters as short keys with a legend,
 * failures before the matrix, the matrix as one fold per family of models
 * with its first column pinned, and every failure with its shrunk
 * counterexample, bytes, answer and replay command, one fold away.
 */
export function htmlReport(events: readonly RunEvent[]): string {
  return htmlLines(events).join('\n') + '\n';
}

/** The same page as htmlReport, a line at a time: the main job's is hundreds of megabytes, written without being one string. */
export function htmlReportPieces(events: readonly RunEvent[]): Iterable<string> {
  return endingEach(htmlLines(events));
}

function htmlLines(events: readonly RunEvent[]): string[] {
  const d = collect(events);
  const failures = d.results.filter(isFailed);
  const anchors = new Map<CheckResult, string>(failures.map((r, i) => [r, `f${i + 1}`]));
  const known = knownFailures(d);
  const keys = new Map(d.adapterNames.map((a, i) => [a, adapterKey(i)]));
  const families = byFamily([...new Set(d.rows.map((r) => r.model))]);
  const modelIds = new Map(families.flatMap(([, ms]) => ms).map((m, i) => [m, `m-${i + 1}`]));
  const rowsOf = new Map<string, MatrixRow[]>();
  for (const row of d.rows) rowsOf.set(row.model, [...(rowsOf.get(row.model) ?? []), row]);
  const resultsOf = (models: readonly string[], a: string) =>
    models.flatMap((m) => (rowsOf.get(m) ?? []).map((row) => row.cells[a]).filter((r): r is CheckResult => !!r));
  const keyHeads = d.adapterNames.map((a) => `<th class="key" title="${esc(a)}">${keys.get(a)}</th>`).join('');

  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  out.push('<meta name="referrer" content="no-referrer">', '<title>Open Responses conformance</title>');
  out.push(`<style>${REPORT_STYLE}</style></head><body>`);
  out.push('<h1 id="top">Open Responses conformance</h1>');
  if (!d.complete) out.push(`<p class="banner">Incomplete run (${esc(d.incompleteReason ?? '')}): what follows is what ran before it stopped.</p>`);
  out.push(`<p class="headline"><b>${esc(headline(d))}</b></p>`);
  if (d.run)
    out.push(
      `<p>Seed <code>${d.run.seed}</code>, ${d.run.runs} cases per property, ${counted(d.run.models.length, 'model')}${d.run.shard ? `, shard ${esc(d.run.shard)}` : ''}.</p>`,
    );
  const gate = baselineLines(d);
  if (gate.length) out.push(`<pre class="gate">${gate.map((l) => esc(l)).join('\n')}</pre>`);
  for (const e of d.adapterErrors) out.push(`<p class="banner">Adapter <b>${esc(e.adapter)}</b> did not start: ${esc(e.message)}</p>`);
  for (const line of restartLines(d)) out.push(`<p class="banner">${esc(line, 600)}</p>`);

  const byCheck = behaviourSections(d);
  out.push('<nav class="toc" id="toc"><b>Contents</b> <a href="#adapters">Adapters</a>');
  if (failures.length) out.push(`<a href="#failures">Failures (${failures.length})</a>`);
  out.push('<a href="#glance">At a glance</a> <span class="muted">Matrix:</span>');
  out.push(...families.map(([f, ms], i) => `<a href="#fam-${i + 1}">${esc(f)} (${ms.length})</a>`));
  if (byCheck.size) out.push('<a href="#behaviours">Behaviours</a>');
  out.push('</nav>');

  out.push(
    '<h2 id="adapters">Adapters</h2>',
    '<table class="summary legend" id="legend"><thead><tr><th>key</th><th>adapter</th><th>implementation</th><th>Required</th><th>Recommended</th><th>Informational</th></tr></thead><tbody>',
  );
  for (const a of d.adapterNames) {
    const t = d.tallies[a]!;
    out.push(
      `<tr><td class="key">${keys.get(a)}</td><td>${esc(a)}</td><td>${esc(implementationOf(d, a))}</td><td>${levelShare(t.Required)}</td><td>${levelShare(t.Recommended)}</td><td>${t.Informational.observed} observed</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  out.push('<form class="filters" id="filters">');
  out.push(`<label>Level <select id="f-level"><option value="">all</option>${LEVELS.map((l) => option(l)).join('')}</select></label>`);
  out.push(
    `<label>Status <select id="f-status"><option value="">all</option>${(['failed', 'passed', 'unsupported', 'observed'] as const).map((s) => option(s, STATUS_MARK[s])).join('')}</select></label>`,
  );
  const modelOptions = families.map(([f, ms]) => `<optgroup label="${esc(f)}">${ms.map((m) => option(m, modelLabel(m))).join('')}</optgroup>`).join('');
  out.push(`<label>Model <select id="f-model"><option value="">all</option>${modelOptions}</select></label>`);
  out.push('<span id="f-count" class="muted"></span> <a href="#toc">contents</a></form>');

  if (failures.length) {
    out.push(
      `<h2 id="failures">Failures (${failures.length})</h2>`,
      '<p class="muted">One fold per adapter, one per check inside it; a FAIL in the matrix opens its failure.</p>',
    );
    out.push(...failureFolds(d, failures, anchors, keys));
  }

  out.push(
    '<h2 id="glance">At a glance</h2>',
    '<p class="muted">Each family and model: new failures counted (Required and Recommended), <span class="st-known">known</span> ones counted apart, else pass or n/a. A name opens its rows in the matrix.</p>',
  );
  out.push(`<table class="glance"><thead><tr><th>family · model</th>${keyHeads}</tr></thead><tbody>`);
  families.forEach(([f, ms], i) => {
    out.push(
      `<tr class="family"><th><a href="#fam-${i + 1}">${esc(f)}</a> <span class="muted">${plural(ms.length, 'model')}</span></th>${d.adapterNames.map((a) => aggregateCell(resultsOf(ms, a), known)).join('')}</tr>`,
    );
    for (const m of ms)
      out.push(
        `<tr><td class="model"><a href="#${modelIds.get(m)}">${esc(modelLabel(m))}</a></td>${d.adapterNames.map((a) => aggregateCell(resultsOf([m], a), known)).join('')}</tr>`,
      );
  });
  out.push('</tbody></table>');

  out.push(
    '<h2 id="matrix-title">Matrix</h2>',
    `<p class="muted">One fold per family. Cells: <span class="st-passed">${STATUS_MARK.passed}</span> <span class="st-failed">${STATUS_MARK.failed}</span> <span class="st-known">known</span> (a failure the baseline lists, failing as it says) <span class="st-unsupported">${STATUS_MARK.unsupported}</span>; an observation shows its behaviour label, one colour per behaviour within a row. Column keys: <a href="#adapters">Adapters</a>.</p>`,
  );
  out.push('<div id="matrix">');
  families.forEach(([f, ms], i) => {
    const rows = ms.flatMap((m) => rowsOf.get(m) ?? []);
    const failing = rows.filter((row) => Object.values(row.cells).some((r) => r?.status === 'failed' && !isKnown(known, r))).length;
    out.push(
      `<details class="family" id="fam-${i + 1}" data-group><summary><b>${esc(f)}</b> <span class="muted">${plural(ms.length, 'model')}, ${plural(rows.length, 'row')}</span>${failing ? ` <span class="chip st-failed">${plural(failing, 'row')} failing</span>` : ''}</summary>`,
    );
    out.push(`<table class="matrix"><thead><tr><th>check</th>${keyHeads}</tr></thead>`);
    for (const m of ms) {
      out.push(
        `<tbody data-group><tr class="model"><th id="${modelIds.get(m)}">${esc(modelLabel(m))}</th><td colspan="${d.adapterNames.length}" class="muted">${modelLabel(m) === m ? '' : esc(m)}</td></tr>`,
      );
      for (const row of rowsOf.get(m) ?? []) out.push(matrixRow(d, row, known, anchors));
      out.push('</tbody>');
    }
    out.push('</table></details>');
  });
  out.push('</div>');

  if (byCheck.size) {
    out.push(
      '<h2 id="behaviours">Behaviours (implementation-defined)</h2>',
      '<p class="muted">Each case, and which implementations share each behaviour; hover a behaviour for what the first of them did. One fold per check.</p>',
    );
    for (const [id, cases] of byCheck) {
      const labels = new Set(cases.flatMap((g) => g.behaviours.map((b) => b.behaviour)));
      out.push(
        `<details class="behaviours" data-level="Informational" data-statuses="observed"><summary><code>${esc(id)}</code> <span class="muted">${counted(cases.length, 'case')}, ${counted(labels.size, 'behaviour')}</span></summary>`,
      );
      out.push('<table class="behaviours"><thead><tr><th>model</th><th>case</th><th>behaviours</th></tr></thead><tbody>');
      for (const g of cases) {
        const chips = g.behaviours
          .map((b, i) => `<span class="chip beh-${i % 8}" title="${esc(b.detail, 400)}">${esc(b.behaviour, 80)}</span> ${esc(b.adapters.join(', '))}`)
          .join('<br>');
        out.push(
          `<tr data-level="Informational" data-statuses="observed" data-model="${esc(g.model)}"><td>${esc(shortModel(g.model))}</td><td>${esc(g.case, 200)}</td><td>${chips}</td></tr>`,
        );
      }
      out.push('</tbody></table></details>');
    }
  }
  out.push(
    `<p class="muted">Levels: ${LEVELS.join(', ')}. Written by openresponses-conformance${d.finishedAt ? ` at ${esc(d.finishedAt)}` : ''}. <a href="#toc">Contents</a></p>`,
  );
  out.push('<a class="to-toc" href="#toc">↑ contents</a>', `<script>${FILTER_SCRIPT}</script>`, '</body></html>');
  return out;
}

/** The Behaviours view's cases by check; a case that behaves alike under every model is said once. */
function behaviourSections(d: RunData): Map<string, ReturnType<typeof behaviourGroups>> {
  const byCheck = new Map<string, ReturnType<typeof behaviourGroups>>();
  const said = new Set<string>();
  for (const g of behaviourGroups(d)) {
    const key = `${g.id}\u0000${g.case}\u0000${g.behaviours.map((b) => `${b.behaviour}:${b.adapters.join(',')}`).join(';')}`;
    if (said.has(key)) continue;
    said.add(key);
    byCheck.set(g.id, [...(byCheck.get(g.id) ?? []), g]);
  }
  return byCheck;
}
