import type { ParseOutcome } from '../core/contract.js';
import { asDoubles } from '../core/json.js';
import { bytes, twisted, text, type Mutant } from './mutant.js';

/** Implementations whose serializer alone looks right but whose read-then-write path changes a value: what Required.RoundTrip.* must catch. */
export const ROUND_TRIP_MUTANTS: Mutant[] = [
  {
    name: 'reserialize-cached',
    category: 'round-trip',
    bug: 'writing an event again returns the bytes of the first event parsed (a cache keyed on the model, not the event)',
    make: (set) => {
      const cache = new Map<string, Uint8Array>();
      return twisted(set, 'reserialize-cached', (ref) => ({
        reserialize: (m, p) => {
          const o = ref.reserialize!(m, p) as ParseOutcome | { ok: true; bytes: Uint8Array };
          if (!o.ok || !('bytes' in o)) return o as never;
          if (!cache.has(m)) cache.set(m, o.bytes);
          return { ok: true, bytes: cache.get(m)! };
        },
      }));
    },
  },
  {
    name: 'reserialize-fifteen-digits',
    category: 'round-trip',
    bug: 'the read-then-write path formats numbers with %.15g, the direct serializer does not',
    make: (set) =>
      twisted(set, 'reserialize-fifteen-digits', (ref) => ({
        reserialize: (m, p) => {
          const o = ref.parse(m, p) as ParseOutcome;
          if (!o.ok) return o;
          const v = asDoubles(o.value) as Record<string, unknown>;
          return {
            ok: true,
            bytes: bytes(JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'number' ? Number(x.toPrecision(15)) : x])))),
          };
        },
      })),
  },
  {
    name: 'reserialize-raw-string-tokens',
    category: 'round-trip',
    bug: 'writing again copies each string token as it came but drops its backslashes',
    make: (set) =>
      twisted(set, 'reserialize-raw-string-tokens', (ref) => ({
        reserialize: (m, p) => {
          const o = ref.parse(m, p) as ParseOutcome;
          if (!o.ok) return o;
          return {
            ok: true,
            bytes: bytes(text(p).replace(/"((?:[^"\\]|\\.)*)"/g, (_t, inner: string) => `"${inner.replace(/\\u([0-9a-fA-F]{4})/g, 'u$1')}"`)),
          };
        },
      })),
  },
];
