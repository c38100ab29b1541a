import type { Suite } from '../core/check.js';
import { implementationDefinedSuite } from './implementation-defined.js';
import { parseSuite } from './parse.js';
import { roundTripSuite } from './round-trip.js';
import { serializeSuite } from './serialize.js';
import { unknownFieldsSuite } from './unknown-fields.js';
import { wireSpellingSuite } from './wire-spellings.js';
import { sseSuite } from './sse.js';
import { streamSuite } from './streams.js';

/** Every suite, in the order reports list them. */
export const SUITES: readonly Suite[] = [
  parseSuite,
  serializeSuite,
  roundTripSuite,
  wireSpellingSuite,
  unknownFieldsSuite,
  implementationDefinedSuite,
  sseSuite,
  streamSuite,
];

/** `--suite` takes a glob over suite names and check ids: `Parse`, `Round*`, `Required.Parse.Rejects*`. */
export function globMatcher(glob: string): (s: string) => boolean {
  const re = new RegExp(
    `^(?:${glob
      .split(',')
      .map((g) =>
        g
          .trim()
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.'),
      )
      .join('|')})$`,
    'i',
  );
  return (s) => re.test(s);
}
