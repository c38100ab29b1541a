import type { Adapter, ParseOutcome } from '../../core/contract.js';
import { rewritesText } from '../../mutants/mutant.js';
import { reference, set } from './adapters.js';

/** The reference parser behind a text rewrite: a lenient or careless JSON reader, one defect each. */
const rewriting = (name: string, rewrite: (text: string) => string): Adapter => rewritesText(set, name, rewrite);

/** numbers: reads `+1`, `01` and `.5` as a JavaScript literal would. */
export const lenientNumbers = () => rewriting('lenient-numbers', (t) => t.replace(/([:,[]\s*)\+?0*(\d)/g, '$1$2').replace(/([:,[]\s*)(-?)\.(\d)/g, '$1$20.$3'));

/** strings: escapes raw control characters instead of refusing them. */
export const acceptsRawControls = () =>
  rewriting('accepts-raw-controls', (t) => t.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** structure: drops trailing commas, as JSON5 does. */
export const acceptsTrailingCommas = () => rewriting('accepts-trailing-commas', (t) => t.replace(/,\s*([}\]])/g, '$1'));

/** structure: a recursive reader that overflows its stack on deep nesting (thrown, not a parse error). */
export const overflowsOnDepth = (): Adapter => {
  const base = reference();
  return {
    ...base,
    info: { ...base.info, name: 'overflows-on-depth' },
    parse: (model, payload) => {
      let depth = 0;
      for (const b of payload) if (b === 0x5b && ++depth > 5000) throw new RangeError('Maximum call stack size exceeded');
      return base.parse(model, payload);
    },
  };
};

/** size: a reader with a fixed 1 MB buffer that gives up on anything longer. */
export const smallBuffer = (): Adapter => {
  const base = reference();
  return {
    ...base,
    info: { ...base.info, name: 'small-buffer' },
    parse: (model, payload) =>
      payload.length > 1_000_000 ? { ok: false, error: { kind: 'parse_error', message: 'payload exceeds the 1 MB buffer' } } : base.parse(model, payload),
  };
};

/** Reads `1e400` as Infinity, as JSON.parse does, and writes it back as a bare `Infinity`: not JSON (py-openrouter-seed's real defect). */
export const writesBareInfinity = (): Adapter => {
  const base = reference();
  const parse = (model: string, payload: Uint8Array): ParseOutcome => {
    const text = new TextDecoder().decode(payload);
    const direct = base.parse(model, payload) as ParseOutcome;
    if (direct.ok || !/\de\d{3}/.test(text)) return direct;
    const finite = base.parse(model, new TextEncoder().encode(text.replace(/-?\d+(\.\d+)?e\d{3,}/g, '1'))) as ParseOutcome;
    return finite.ok ? { ok: true, value: JSON.parse(text) } : finite;
  };
  const { reserialize: _native, ...rest } = base;
  return {
    ...rest,
    info: { ...base.info, name: 'writes-bare-infinity', operations: { ...base.info.operations, reserialize: [] } },
    parse,
    serialize: (_model, value) => ({
      ok: true,
      bytes: new TextEncoder().encode(
        JSON.stringify(value, (_k, x) => (x === Infinity ? '\u0000inf' : x === -Infinity ? '\u0000-inf' : x)).replace(/"\\u0000(-?)inf"/g, '$1Infinity'),
      ),
    }),
  };
};
