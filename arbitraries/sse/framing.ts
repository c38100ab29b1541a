import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';

export type LineEnding = '\n' | '\r\n' | '\r';

/** How a server may legally write the same events (WHATWG event-stream grammar). */
export interface Framing {
  /** One line ending for the stream, or each line its own. */
  lineEndings: LineEnding | 'mixed';
  /** `: keep-alive` comment lines between and inside events, and `id:`/`retry:` fields. */
  comments: boolean;
  /** The JSON pretty-printed over several `data:` lines, which a decoder joins with LF. */
  multiLineData: boolean;
  /** `data:{...}` as well as `data: {...}`. */
  noSpaceAfterColon: boolean;
  /** The stream ends without the blank line that closes its last event. */
  missingFinalBlankLine: boolean;
  /**
   * What the standard allows and decoders get wrong: a leading BOM, events
   * without `event:` after events with it, empty `data:` and bare `data`
   * lines inside a value, lines without a colon, `id` with a NUL, `retry`
   * with non-digits, and `Data:`, which is not `data`; a U+FEFF before a
   * later line's field name, which only the stream's first BOM is not (so
   * `\uFEFFdata:` is an unknown field); a lone CR ending a line in every
   * event, whatever the other lines end with; and after every event a block
   * of unknown fields alone, which dispatches nothing (its data is empty).
   */
  quirks?: boolean;
}

export const PLAIN: Framing = { lineEndings: '\n', comments: false, multiLineData: false, noSpaceAfterColon: false, missingFinalBlankLine: false };

/** The lines a quirky stream inserts into each event's data: a decoder joins them as empty lines. */
const QUIRK_DATA_LINES = 2;

export interface SseStream {
  values: Json[];
  framing: Framing;
  bytes: Uint8Array;
  /** Where the stream is cut into network chunks (byte offsets, ascending). */
  cuts: number[];
}

const ENDINGS: readonly LineEnding[] = ['\n', '\r\n', '\r'];

/** The stream's text, line by line; `pick` gives each line's ending under a mixed framing. */
export function encodeSse(values: readonly Json[], f: Framing, pick: (i: number) => LineEnding = () => '\n'): string {
  const lines: string[] = [];
  // the lines ended by a CR alone, under every framing: the next line is never blank, so it cannot read as CRLF
  const loneCr = new Set<number>();
  const sep = f.noSpaceAfterColon ? ':' : ': ';
  if (f.comments) lines.push(': stream opened', 'retry: 3000');
  values.forEach((v, i) => {
    const type = (v as { type?: unknown }).type;
    // the event field first, so that a decoder that keeps the BOM loses the first event's type
    if (typeof type === 'string' && !(f.quirks && i % 2 === 1)) lines.push(`event${sep}${type}`);
    // the second event has no event field at all (a decoder must not keep the first's type); the fourth a bare `event` line, which resets it too
    if (f.quirks) {
      loneCr.add(lines.length);
      lines.push(`retry${sep}soon`, `id${sep}a\u0000b`, 'foo', `Data${sep}{"not":"data"}`, `\uFEFFdata${sep}{"not":"data"}`, ...(i % 4 === 3 ? ['event'] : []));
    }
    if (f.comments) lines.push(`: keep-alive ${i}`, `id${sep}${i + 1}`);
    const data = f.multiLineData || f.quirks ? JSON.stringify(v, null, 1) : JSON.stringify(v);
    data.split('\n').forEach((line, k) => {
      lines.push(`data${sep}${line}`);
      if (f.quirks && k === 0) lines.push('data:', 'data');
    });
    if (i < values.length - 1 || !f.missingFinalBlankLine) lines.push('');
    if (f.quirks) lines.push(`foo${sep}bar`, `\uFEFFdata${sep}{"not":"data"}`, 'Data', '');
  });
  let text = f.quirks ? '\uFEFF' : '';
  let previous: LineEnding | undefined;
  lines.forEach((line, i) => {
    let end = loneCr.has(i) ? '\r' : f.lineEndings === 'mixed' ? pick(i) : f.lineEndings;
    // CR then an empty line ended by LF is one CRLF: the blank line closing the event would vanish
    if (previous === '\r' && line === '' && end === '\n') end = '\r\n';
    text += line + end;
    previous = end;
  });
  return text;
}

/** The data a correct decoder yields for each event (the pretty-printed form when it spans lines). */
export function expectedData(v: Json, f: Framing): string {
  if (!f.quirks) return f.multiLineData ? JSON.stringify(v, null, 1) : JSON.stringify(v);
  const [first, ...rest] = JSON.stringify(v, null, 1).split('\n');
  return [first, ...Array<string>(QUIRK_DATA_LINES).fill(''), ...rest].join('\n');
}

/** The event type a correct decoder yields: none where a quirky stream left `event:` out. */
export function expectedEvent(v: Json, i: number, f: Framing): string | null {
  const type = (v as { type?: unknown }).type;
  return typeof type === 'string' && !(f.quirks && i % 2 === 1) ? type : null;
}

/** Offsets inside a UTF-8 character, or between a CR and its LF: where naive decoders break. */
export function awkwardOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    if ((bytes[i]! & 0xc0) === 0x80) out.push(i);
    if (bytes[i - 1] === 0x0d && bytes[i] === 0x0a) out.push(i);
  }
  return out;
}

export function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const c of [...points, bytes.length]) {
    chunks.push(bytes.subarray(last, c));
    last = c;
  }
  return chunks;
}

export interface StreamOptions {
  framing?: fc.Arbitrary<Framing>;
  /** Where cuts go: anywhere, or at the awkward offsets when the stream has any. */
  cuts?: 'anywhere' | 'awkward' | 'none';
}

/** A stream of 1–5 events of the given values, framed and cut into chunks. */
export function sseStreams(values: fc.Arbitrary<Json>, o: StreamOptions = {}): fc.Arbitrary<SseStream> {
  const framing = o.framing ?? fc.constant(PLAIN);
  return fc
    .tuple(
      fc.array(values, { minLength: 1, maxLength: 5 }),
      framing,
      fc.array(fc.constantFrom(...ENDINGS), { minLength: 64, maxLength: 64 }),
      fc.array(fc.nat(), { maxLength: 12 }),
    )
    .map(([vs, f, endings, raw]) => {
      const bytes = new TextEncoder().encode(encodeSse(vs, f, (i) => endings[i % endings.length]!));
      const pool = o.cuts === 'awkward' && awkwardOffsets(bytes).length > 0 ? awkwardOffsets(bytes) : [...bytes.keys()].slice(1);
      const cuts = o.cuts === 'none' || pool.length === 0 ? [] : [...new Set(raw.map((r) => pool[r % pool.length]!))].sort((a, b) => a - b);
      return { values: vs, framing: f, bytes, cuts };
    });
}

export const framings = {
  lineEndings: fc.constantFrom<Framing['lineEndings']>('\n', '\r\n', '\r', 'mixed').map((lineEndings) => ({ ...PLAIN, lineEndings })),
  crlf: fc.constant<Framing>({ ...PLAIN, lineEndings: '\r\n' }),
  comments: fc.boolean().map((noSpaceAfterColon) => ({ ...PLAIN, comments: true, noSpaceAfterColon })),
  multiLineData: fc.constantFrom<Framing['lineEndings']>('\n', '\r\n', '\r').map((lineEndings) => ({ ...PLAIN, multiLineData: true, lineEndings })),
  missingFinalBlankLine: fc.constant<Framing>({ ...PLAIN, missingFinalBlankLine: true }),
  quirks: fc.constantFrom<Framing['lineEndings']>('\n', '\r\n', '\r', 'mixed').map((lineEndings) => ({ ...PLAIN, quirks: true, lineEndings })),
};
