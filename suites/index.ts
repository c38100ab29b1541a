import type { Suite } from '../core/check.ts';
import { implementationDefinedSuite } from './implementation-defined.ts';
import { parseSuite } from './parse.ts';
import { roundTripSuite } from './round-trip.ts';
import { serializeSuite } from './serialize.ts';
import { unknownFieldsSuite } from './unknown-fields.ts';
import { wireSpellingSuite } from './wire-spellings.ts';
import { sseSuite } from './sse.ts';

/** Every suite, in the order reports list them. */
export const SUITES: readonly Suite[] = [parseSuite, serializeSuite, roundTripSuite, wireSpellingSuite, unknownFieldsSuite, implementationDefinedSuite, sseSuite];

/** `--suite` takes a glob over suite names and check ids: `Parse`, `Round*`, `Required.Parse.Rejects*`. */
export function globMatcher(glob: string): (s: string) => boolean {
  const re = new RegExp(`^(?:${glob.split(',').map((g) => g.trim().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')).join('|')})$`, 'i');
  return (s) => re.test(s);
}
