import type { DecodedEvent } from '../core/contract.js';
import { twisted, type Mutant } from './mutant.js';

/** One bug a hand-written text/event-stream decoder is known to have. */
interface Quirks {
  keepsBom?: boolean;
  dropsEmptyData?: boolean;
  keepsEventType?: boolean;
  ignoresBareLines?: boolean;
  caseInsensitiveNames?: boolean;
  lfOnly?: boolean;
  splitsCrLfAcrossChunks?: boolean;
  stripsAllSpaces?: boolean;
  decodesChunksAlone?: boolean;
  joinsWithoutNewline?: boolean;
  dispatchesAtEnd?: boolean;
  stripsBomEveryLine?: boolean;
  dispatchesEmpty?: boolean;
  noLoneCr?: boolean;
  dropsNul?: boolean;
  maxReads?: number;
}

/**
 * A decoder written from the standard in the plainest way (text buffer,
 * split into lines, fields, dispatch on a blank line): correct with no
 * quirks, and each quirk one bug such decoders ship.
 */
function decode(chunks: Uint8Array[], q: Quirks): DecodedEvent[] {
  const stream = new TextDecoder('utf-8', { ignoreBOM: q.keepsBom ?? false });
  let buffer = '';
  let pendingCr = false;
  let data: string[] = [];
  let event: string | null = null;
  const out: DecodedEvent[] = [];
  let fields = 0;
  const field = (line: string) => {
    if (q.stripsBomEveryLine) line = line.replace(/^\uFEFF/, '');
    if (line.startsWith(':')) return;
    fields++;
    const colon = line.indexOf(':');
    if (colon < 0 && q.ignoresBareLines) return;
    let name = colon < 0 ? line : line.slice(0, colon);
    if (q.caseInsensitiveNames) name = name.toLowerCase();
    let value = colon < 0 ? '' : line.slice(colon + 1);
    value = q.stripsAllSpaces ? value.replace(/^ +/, '') : value.startsWith(' ') ? value.slice(1) : value;
    if (q.dropsNul) value = value.replaceAll('\u0000', '');
    if (name === 'data' && !(q.dropsEmptyData && value === '')) data.push(value);
    else if (name === 'event') event = value;
  };
  const dispatch = () => {
    if (data.length || (q.dispatchesEmpty && fields > 0)) out.push({ event: event || null, data: data.join(q.joinsWithoutNewline ? '' : '\n') });
    data = [];
    fields = 0;
    if (!q.keepsEventType) event = null;
  };
  const feed = (text: string) => {
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    buffer += text;
    const re = q.lfOnly ? /\n/ : q.noLoneCr ? /\r\n|\n/ : /\r\n|\r|\n/;
    for (let m = re.exec(buffer); m; m = re.exec(buffer)) {
      // a CR that ends the text so far may be half of a CRLF: wait for the next chunk
      if (!q.splitsCrLfAcrossChunks && m[0] === '\r' && m.index === buffer.length - 1) {
        pendingCr = true;
      }
      const line = buffer.slice(0, m.index);
      buffer = buffer.slice(m.index + m[0].length);
      if (line === '') dispatch();
      else field(line);
    }
  };
  if (q.maxReads !== undefined && chunks.length > q.maxReads) throw new Error(`more than ${q.maxReads} reads without end of stream`);
  for (const c of chunks) feed(q.decodesChunksAlone ? new TextDecoder().decode(c) : stream.decode(c, { stream: true }));
  feed(q.decodesChunksAlone ? '' : stream.decode());
  if (q.dispatchesAtEnd) {
    if (buffer !== '') field(buffer);
    dispatch();
  }
  return out;
}

const sseMutant = (name: string, bug: string, quirks: Quirks): Mutant => ({
  name,
  category: 'sse',
  bug,
  make: (set) => twisted(set, name, () => ({ sse: (chunks) => ({ ok: true, events: decode(chunks, quirks) }) })),
});

/** Event-stream decoders with one bug each: what Required.Sse.* must catch. */
export const SSE_MUTANTS: Mutant[] = [
  sseMutant('sse-plain-decoder', 'none: the plain decoder itself, which must pass (a control, not a kill)', {}),
  sseMutant('sse-keeps-bom', 'a leading BOM is kept, so the first field is "\\ufeffevent"', { keepsBom: true }),
  sseMutant('sse-drops-empty-data', 'an empty data: line is dropped from a multi-line value', { dropsEmptyData: true }),
  sseMutant('sse-keeps-event-type', 'the event type is not reset after dispatch', { keepsEventType: true }),
  sseMutant('sse-ignores-bare-lines', 'a line without a colon is ignored (data alone is a field with an empty value)', { ignoresBareLines: true }),
  sseMutant('sse-case-insensitive', 'field names compared case-insensitively: Data: is taken for data:', { caseInsensitiveNames: true }),
  sseMutant('sse-lf-only', 'lines split on LF only: CR line endings are not seen', { lfOnly: true }),
  sseMutant('sse-crlf-across-chunks', 'a CRLF cut between two chunks counts as two line endings', { splitsCrLfAcrossChunks: true }),
  sseMutant('sse-strips-all-spaces', 'every space after the colon is stripped, not just one', { stripsAllSpaces: true }),
  sseMutant('sse-decodes-chunks-alone', 'each chunk decoded as UTF-8 on its own: a character cut between chunks breaks', { decodesChunksAlone: true }),
  sseMutant('sse-joins-without-newline', 'data lines joined with nothing instead of LF', { joinsWithoutNewline: true }),
  sseMutant('sse-strips-bom-every-line', 'a U+FEFF is stripped from the start of every line, not only the stream\'s: "\\ufeffdata:" read as data', {
    stripsBomEveryLine: true,
  }),
  sseMutant('sse-dispatches-empty', 'a block of unknown fields alone dispatches an event with empty data (as @openrouter/sdk 0.1.2 does)', {
    dispatchesEmpty: true,
  }),
  sseMutant('sse-no-lone-cr', 'lines end at CRLF or LF: a CR alone does not end a line', { noLoneCr: true }),
  sseMutant('sse-drops-nul', 'NUL characters are dropped from data (a C-string buffer)', { dropsNul: true }),
  sseMutant('sse-read-limit', 'gives up after 1,024 reads of one stream (a guard against slow streams): 4 KB fed a byte at a time fails', { maxReads: 1024 }),
  sseMutant('sse-dispatches-unterminated', 'an event the stream ends without a blank line is dispatched (implementation-defined: recorded, not failed)', {
    dispatchesAtEnd: true,
  }),
];
