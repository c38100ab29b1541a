import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Queue } from '../adapters/stdio/queue.js';

describe('the stdio client queue', () => {
  it('behaves as an array used first in, first out, across its compactions', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ shift: fc.integer({ min: 1, max: 3000 }) }),
      fc.constant('drain' as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const q = new Queue<number>();
        const model: number[] = [];
        let n = 0;
        for (const o of ops) {
          if (o === 'drain') expect(q.drain()).toEqual(model.splice(0));
          else if ('push' in o) for (let i = 0; i < o.push; i++) (q.push(n), model.push(n++));
          else for (let i = 0; i < o.shift; i++) expect(q.shift()).toBe(model.shift());
          expect(q.length).toBe(model.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
