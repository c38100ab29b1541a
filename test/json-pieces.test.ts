import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDocument, jsonDocumentPieces, LosslessNumber } from '../core/json.js';
import { htmlReport, htmlReportPieces } from '../reports/html.js';
import { junitReport, junitReportPieces } from '../reports/junit.js';
import { syntheticRun } from './browser/synthetic-run.js';

const whole = (v: unknown, depth?: number) => [...jsonDocumentPieces(v, depth)].join('');

describe('the reports written in pieces are the reports', () => {
  it('report.html and junit.xml, piece by piece, are the page and the XML', () => {
    for (const events of [syntheticRun(), syntheticRun({ failures: false })]) {
      expect([...htmlReportPieces(events)].join('')).toBe(htmlReport(events));
      expect([...junitReportPieces(events)].join('')).toBe(junitReport(events));
      expect([...htmlReportPieces(events)].length).toBeGreaterThan(10);
    }
  });
});

describe('jsonDocumentPieces: the text of jsonDocument, never joined whole', () => {
  it('equal to jsonDocument for any JSON, at any depth of pieces', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 5 }), (v, depth) => {
        expect(whole(v, depth)).toBe(jsonDocument(v));
      }),
      { numRuns: 400, seed: 26 },
    );
  });

  it('as JSON.stringify writes what is not JSON: left out of an object, null in an array, toJSON asked', () => {
    const odd = {
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 2, 1, { deeper: [undefined, { x: undefined }] }],
      at: new Date(0),
      n: new LosslessNumber('9007199254740993'),
      own: { toJSON: () => 'mine' },
      empty: { a: [], o: {} },
      '\u2028key': 'line\u2029separators',
    };
    for (const depth of [0, 1, 2, 3, 4]) expect(whole(odd, depth)).toBe(jsonDocument(odd));
    expect(whole([])).toBe(jsonDocument([]));
    expect(whole({})).toBe(jsonDocument({}));
    expect(whole('text')).toBe(jsonDocument('text'));
  });

  it('a report of many results comes in many pieces, none of them large', () => {
    const report = { format: 'f', results: Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, failure: { message: 'm'.repeat(100) } })) };
    const pieces = [...jsonDocumentPieces(report)];
    expect(pieces.join('')).toBe(jsonDocument(report));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(400);
  });
});
