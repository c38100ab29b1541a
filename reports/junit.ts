import type { FailedResult, RunEvent } from '../core/results.js';
import { collect } from './collect.js';
import { xmlText } from './_internals/xml.js';
import { failureLines } from './failure-lines.js';
import { endingEach } from './_internals/lines.js';

function failureBody(r: FailedResult): string {
  return failureLines(r)
    .map((l) => xmlText(l))
    .join('\n');
}

/**
 * JUnit XML: a test suite per adapter, a test case per check and model. A
 * failure carries its counterexample and replay command; with a baseline, a
 * known failure is reported skipped with its reason, so a CI test reporter
 * gates exactly as `orc run --baseline` does.
 */
export function junitReport(events: readonly RunEvent[]): string {
  return junitLines(events).join('\n') + '\n';
}

/** The same XML as junitReport, a line (a test suite) at a time, never one string. */
export function junitReportPieces(events: readonly RunEvent[]): Iterable<string> {
  return endingEach(junitLines(events));
}

function junitLines(events: readonly RunEvent[]): string[] {
  const d = collect(events);
  const known = new Map((d.baseline?.known ?? []).map((e) => [`${e.adapter}\u0000${e.model}\u0000${e.check}`, e.reason]));
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites = d.adapterNames.map((adapter) => {
    const results = d.results.filter((r) => r.adapter === adapter);
    const cases = results.map((r) => {
      const attrs = `classname="${xmlText(`${adapter}.${r.model}`)}" name="${xmlText(r.id)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      const reason = known.get(`${r.adapter}\u0000${r.model}\u0000${r.id}`);
      if (r.status === 'failed' && reason !== undefined) {
        return {
          skipped: true,
          xml: `    <testcase ${attrs}>\n      <skipped message="${xmlText(`known failure (baseline): ${reason}`)}"/>\n      <system-out>${failureBody(r)}</system-out>\n    </testcase>`,
        };
      }
      if (r.status === 'failed') {
        return {
          failed: true,
          xml: `    <testcase ${attrs}>\n      <failure message="${xmlText(r.failure.message, 300)}" type="${r.failure.kind}">${failureBody(r)}</failure>\n    </testcase>`,
        };
      }
      if (r.status === 'unsupported')
        return { skipped: true, xml: `    <testcase ${attrs}>\n      <skipped message="${xmlText(r.reason ?? 'unsupported')}"/>\n    </testcase>` };
      const obs = (r.observations ?? []).map((o) => xmlText(`${o.label}: ${o.behaviour} (${o.outcome})`)).join('\n');
      return { xml: obs ? `    <testcase ${attrs}>\n      <system-out>${obs}</system-out>\n    </testcase>` : `    <testcase ${attrs}/>` };
    });
    const failures = cases.filter((c) => c.failed).length;
    const skipped = cases.filter((c) => c.skipped).length;
    const time = results.reduce((t, r) => t + r.durationMs, 0) / 1000;
    return {
      failures,
      skipped,
      tests: cases.length,
      xml: `  <testsuite name="${xmlText(adapter)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`,
    };
  });
  const sum = (k: 'failures' | 'skipped' | 'tests') => suites.reduce((n, s) => n + s[k], 0);
  out.push(`<testsuites name="openresponses-conformance" tests="${sum('tests')}" failures="${sum('failures')}" errors="0" skipped="${sum('skipped')}">`);
  out.push(...suites.map((s) => s.xml));
  out.push('</testsuites>');
  return out;
}
