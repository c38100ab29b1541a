import type { Adapter, DecodedEvent } from '../../core/contract.js';
import { twisted } from '../../mutants/mutant.js';
import { set } from './adapters.js';

/** The one bug a decoder below has; with none of them it decodes as the standard says. */
interface Bug {
  /** Lines end at LF alone and a line of a CR alone is blank: the CR of a CRLF stays on every other line, so it ends every value. */
  keepsCr?: boolean;
  /** What is taken off the start of a value: the standard takes one space. */
  space?: 'none' | 'all';
  /** What data lines are joined with: the standard joins them with LF. */
  joinWith?: string;
  /** An event is dispatched only when a line follows its blank line, so the stream's last one never is. */
  losesLast?: boolean;
  /** An id: line is read as a data: line. */
  idAsData?: boolean;
  /** The type an event without an event field is named: the standard dispatches it as "message"; null leaves it out. */
  defaultType?: string;
}

/** A decoder over the whole stream's text, written from the standard: a BOM, comments, fields, dispatch on a blank line. */
function decode(chunks: readonly Uint8Array[], bug: Bug): DecodedEvent[] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
  const lines = text.split(bug.keepsCr ? '\n' : /\r\n|\r|\n/);
  // the text after the last line ending is no line: an event it would belong to is never closed
  lines.pop();
  const out: DecodedEvent[] = [];
  let pending: DecodedEvent | undefined;
  let data: string[] = [];
  let event: string | null = null;
  for (const read of lines) {
    const line = bug.keepsCr && read === '\r' ? '' : read;
    if (bug.losesLast && pending && line !== '') {
      out.push(pending);
      pending = undefined;
    }
    if (line === '') {
      if (data.length) {
        const e = { event: event || (bug.defaultType ?? null), data: data.join(bug.joinWith ?? '\n') };
        if (bug.losesLast) pending = e;
        else out.push(e);
      }
      data = [];
      event = null;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    const value = bug.space === 'none' ? raw : bug.space === 'all' ? raw.replace(/^ +/, '') : raw.replace(/^ /, '');
    if (name === 'data' || (bug.idAsData && name === 'id')) data.push(value);
    else if (name === 'event') event = value;
  }
  return out;
}

const decoder = (name: string, bug: Bug): Adapter => twisted(set, name, () => ({ sse: (chunks) => ({ ok: true, events: decode(chunks, bug) }) }));

/** The plain decoder itself, which passes every Sse check: what the bugs below differ from. */
export const plainDecoder = (bug: Pick<Bug, 'defaultType'> = {}) => decoder('plain-decoder', bug);

/** Five decoders, one bug each, each a bug decoders ship. */
export const ONE_BUG_DECODERS: readonly (readonly [string, () => Adapter])[] = [
  ['keeps the CR of a CRLF', () => decoder('keeps-cr', { keepsCr: true })],
  ['keeps the space after the colon', () => decoder('keeps-space', { space: 'none' })],
  ['joins data lines with nothing', () => decoder('joins-without-lf', { joinWith: '' })],
  ['loses the last event', () => decoder('loses-last', { losesLast: true })],
  ['reads id: as data:', () => decoder('id-as-data', { idAsData: true })],
];
