import { join } from 'node:path';
import { commandAdapter } from '../adapters/stdio/factories.js';
import { PROJECT_ROOT } from '../core/models.js';
import { failure } from '../core/contract.js';
import { text, twisted, type Mutant } from './mutant.js';

const harness = (name: string, bug: string, fault: string): Mutant => ({
  name,
  category: 'robustness',
  bug,
  make: () => commandAdapter(name, `${JSON.stringify(process.execPath)} ${JSON.stringify(join(PROJECT_ROOT, 'mutants', 'stdio-harness.mjs'))} ${fault}`),
});

/** Implementations that crash, hang or throw on hostile input: what the time budget, restarts and exception kinds must catch. */
export const ROBUSTNESS_MUTANTS: Mutant[] = [
  harness('hangs-on-large-payloads', 'a harness whose parser spins on every payload over 64 KB', 'hang-on-large'),
  harness('crashes-on-non-bmp', 'a native parser that aborts the process on a character outside the BMP', 'crash-on-non-bmp'),
  harness('crashes-on-deep-nesting', 'a recursive parser without a depth limit: 64 levels of nesting kill the process', 'crash-on-deep'),
  {
    name: 'throws-on-deep-nesting',
    category: 'robustness',
    bug: 'a recursive parser that throws RangeError (stack overflow) instead of refusing deep nesting',
    make: (set) =>
      twisted(set, 'throws-on-deep-nesting', (ref) => ({
        parse: (m, p) => (/[[{]{64}/.test(text(p).replace(/\s/g, '')) ? failure('exception', 'RangeError: Maximum call stack size exceeded') : ref.parse(m, p)),
      })),
  },
  {
    name: 'throws-on-non-object',
    category: 'robustness',
    bug: 'a TypeError on a payload that is not an object, instead of a parse error',
    make: (set) =>
      twisted(set, 'throws-on-non-object', (ref) => ({
        parse: (m, p) => {
          try {
            const j = JSON.parse(text(p));
            if (typeof j !== 'object' || j === null || Array.isArray(j))
              return failure('exception', "TypeError: Cannot read properties of null (reading 'type')");
          } catch {
            /* the reference says why */
          }
          return ref.parse(m, p);
        },
      })),
  },
];
