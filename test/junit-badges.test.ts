import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { badgeFile, badges } from '../reports/badges.js';
import { junitReport } from '../reports/junit.js';
import type { CheckResult, RunEvent } from '../core/results.js';

const hostile = 'a\u0000b\u0008c\ud800 ]]> <script>alert(1)</script> & "quote" \'apos\' \ufffe';
const result = (adapter: string, id: string, status: CheckResult['status'], level: CheckResult['level'] = 'Required'): CheckResult =>
  ({
    adapter,
    model: 'OpenResponsesImageGenCallGenerating',
    id,
    level,
    suite: 'Parse',
    description: '',
    status,
    casesRun: 5,
    durationMs: 12,
    seed: 1,
    ...(status === 'failed'
      ? {
          failure: {
            kind: 'mismatch',
            message: hostile,
            counterexample: { payload: { text: hostile, base64: 'AA==' } },
            answer: hostile,
            path: '0',
            shrinks: 1,
            replay: 'orc1.tok',
            replayCommand: 'npx orc replay orc1.tok',
          },
        }
      : {}),
    ...(status === 'unsupported' ? { reason: 'no serialize' } : {}),
    ...(status === 'observed' ? { observations: [{ label: '-0', shown: {}, behaviour: 'kept', outcome: hostile }] } : {}),
  }) as CheckResult;
const run = (results: CheckResult[], extra: RunEvent[] = []): RunEvent[] => [
  ...results.map((r) => ({ type: 'check-finished' as const, result: r })),
  ...extra,
  { type: 'run-finished', finishedAt: 'now', complete: true },
];

describe('JUnit XML', () => {
  const events = run([
    result('a', 'Required.Parse.AcceptsValid', 'failed'),
    result('a', 'Required.Serialize.OutputIsJson', 'unsupported'),
    result('a', 'Informational.X.Y', 'observed', 'Informational'),
    result('cmd:my harness', 'Required.Parse.AcceptsValid', 'passed'),
  ]);
  const xml = junitReport(events);

  it('is well-formed XML whatever the payloads hold', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has a test suite per adapter and a test case per check, with counts CI systems read', () => {
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: any) => [s['@_name'], s['@_tests'], s['@_failures'], s['@_skipped']])).toEqual([
      ['a', '3', '1', '1'],
      ['cmd:my harness', '1', '0', '0'],
    ]);
    const failed = suites[0].testcase[0];
    expect(failed['@_classname']).toBe('a.OpenResponsesImageGenCallGenerating');
    expect(failed.failure['@_type']).toBe('mismatch');
    expect(failed.failure['#text']).toContain('replay: npx orc replay orc1.tok');
    expect(failed.failure['#text']).toContain('payload: a\\u0000b\\u0008c\\ud800');
  });

  it('with a baseline, a known failure is skipped with its reason, not failed', () => {
    const known: RunEvent = {
      type: 'baseline',
      file: 'b.json',
      known: [{ adapter: 'a', model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.AcceptsValid', reason: 'int64 SDK' }],
      newFailures: [],
      unexpectedPasses: [],
      stale: [],
      ok: true,
    };
    const x = junitReport(run([result('a', 'Required.Parse.AcceptsValid', 'failed')], [known]));
    expect(XMLValidator.validate(x)).toBe(true);
    expect(x).toContain('<skipped message="known failure (baseline): int64 SDK"/>');
    expect(x).not.toContain('<failure');
  });
});

describe('badges', () => {
  it('give each adapter a shields.io endpoint with the share of Required checks passed', () => {
    const files = badges(
      run([result('a', 'X', 'passed'), result('a', 'Y', 'failed'), result('b', 'X', 'passed'), result('cmd:python3 h.py', 'X', 'unsupported')]),
    );
    expect(JSON.parse(files['a.json']!)).toEqual({ schemaVersion: 1, label: 'a conformance', message: '1/2 Required', color: 'red' });
    expect(JSON.parse(files['b.json']!)).toMatchObject({ message: '1/1 Required', color: 'brightgreen' });
    expect(JSON.parse(files[badgeFile('cmd:python3 h.py')]!)).toMatchObject({ message: 'n/a', color: 'lightgrey' });
    expect(badgeFile('cmd:python3 h.py')).toBe('cmd_python3_h.py.json');
  });
});
