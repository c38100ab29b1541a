import type { Answer } from '../core/json.js';
import { failure } from '../core/contract.js';
import { acceptsParsed, rewritesText, twisted, text, type Mutant } from './mutant.js';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const GENERATING = 'response.image_generation_call.generating';
/** What a lenient model type makes of a payload: the zero value of each field it lacks. */
const zeroFilled = (o: Record<string, unknown>): Answer => ({
  type: GENERATING,
  item_id: '',
  output_index: 0,
  sequence_number: 0,
  ...(o as Record<string, Answer>),
});

/** Parsers that take what breaks the model or JSON itself: what Required.Parse.Rejects* must catch. */
export const REJECT_MUTANTS: Mutant[] = [
  {
    name: 'missing-field-zero-value',
    category: 'reject',
    bug: 'a missing field reads as its zero value (required not enforced)',
    make: (set) =>
      acceptsParsed(set, 'missing-field-zero-value', (j) =>
        isObject(j) && !['item_id', 'output_index', 'sequence_number'].every((k) => k in j) && j['type'] === GENERATING ? zeroFilled(j) : undefined,
      ),
  },
  {
    name: 'null-field-zero-value',
    category: 'reject',
    bug: 'a null field reads as its zero value',
    make: (set) =>
      acceptsParsed(set, 'null-field-zero-value', (j) =>
        isObject(j) && Object.values(j).includes(null) ? zeroFilled(Object.fromEntries(Object.entries(j).filter(([, v]) => v !== null))) : undefined,
      ),
  },
  {
    name: 'coerces-numeric-strings',
    category: 'reject',
    bug: 'a number field takes "1" (lax coercion)',
    make: (set) =>
      acceptsParsed(set, 'coerces-numeric-strings', (j) =>
        isObject(j) && ['output_index', 'sequence_number'].some((k) => typeof j[k] === 'string' && j[k] !== '' && Number.isFinite(Number(j[k])))
          ? { ...(j as Record<string, Answer>), output_index: Number(j['output_index']), sequence_number: Number(j['sequence_number']) }
          : undefined,
      ),
  },
  {
    name: 'coerces-booleans',
    category: 'reject',
    bug: 'a number field takes true and false as 1 and 0',
    make: (set) =>
      acceptsParsed(set, 'coerces-booleans', (j) =>
        isObject(j) && ['output_index', 'sequence_number'].some((k) => typeof j[k] === 'boolean')
          ? { ...(j as Record<string, Answer>), output_index: Number(j['output_index']), sequence_number: Number(j['sequence_number']) }
          : undefined,
      ),
  },
  {
    name: 'ignores-type-value',
    category: 'reject',
    bug: 'the type field is read but never compared',
    make: (set) =>
      acceptsParsed(set, 'ignores-type-value', (j) =>
        isObject(j) &&
        typeof j['type'] === 'string' &&
        j['type'] !== GENERATING &&
        typeof j['item_id'] === 'string' &&
        typeof j['output_index'] === 'number' &&
        typeof j['sequence_number'] === 'number' &&
        Object.keys(j).length === 4
          ? (j as Record<string, Answer>)
          : undefined,
      ),
  },
  {
    name: 'union-takes-sibling-type',
    category: 'reject',
    bug: 'one parser for all four events: a completed event parses as generating',
    make: (set) =>
      acceptsParsed(set, 'union-takes-sibling-type', (j) =>
        isObject(j) &&
        typeof j['type'] === 'string' &&
        j['type'].startsWith('response.image_generation_call.') &&
        j['type'] !== GENERATING &&
        typeof j['item_id'] === 'string' &&
        typeof j['output_index'] === 'number' &&
        typeof j['sequence_number'] === 'number' &&
        Object.keys(j).length === 4
          ? (j as Record<string, Answer>)
          : undefined,
      ),
  },
  {
    name: 'unwraps-arrays',
    category: 'reject',
    bug: 'a batch reader takes [event] for the event',
    make: (set) =>
      twisted(set, 'unwraps-arrays', (ref) => ({
        parse: (m, p) => {
          const t = text(p).trim();
          return t.startsWith('[') && t.endsWith(']') ? ref.parse(m, new TextEncoder().encode(t.slice(1, -1))) : ref.parse(m, p);
        },
      })),
  },
  {
    name: 'parses-json-strings-twice',
    category: 'reject',
    bug: 'a payload that is a JSON string is parsed again (double-encoded data)',
    make: (set) =>
      twisted(set, 'parses-json-strings-twice', (ref) => ({
        parse: (m, p) => {
          try {
            const j = JSON.parse(text(p));
            if (typeof j === 'string') return ref.parse(m, new TextEncoder().encode(j));
          } catch {
            /* the reference says why */
          }
          return ref.parse(m, p);
        },
      })),
  },
  {
    name: 'unwraps-envelope',
    category: 'reject',
    bug: 'an {"event": …} or {"data": …} envelope is unwrapped',
    make: (set) =>
      twisted(set, 'unwraps-envelope', (ref) => ({
        parse: (m, p) => {
          try {
            const j = JSON.parse(text(p));
            const inner = isObject(j) && Object.keys(j).length === 1 ? (j['event'] ?? j['data']) : undefined;
            if (isObject(inner)) return ref.parse(m, new TextEncoder().encode(JSON.stringify(inner)));
          } catch {
            /* the reference says why */
          }
          return ref.parse(m, p);
        },
      })),
  },
  {
    name: 'null-payload-zero-value',
    category: 'reject',
    bug: 'the payload null reads as an empty event',
    make: (set) => acceptsParsed(set, 'null-payload-zero-value', (j) => (j === null ? zeroFilled({}) : undefined)),
  },
  {
    name: 'case-insensitive-keys',
    category: 'reject',
    bug: 'keys match case-insensitively, as Go encoding/json does: ITEM_ID is item_id',
    make: (set) =>
      rewritesText(set, 'case-insensitive-keys', (s) =>
        s.replace(/"(type|item_id|output_index|sequence_number)"\s*:/gi, (_k, name: string) => `"${name.toLowerCase()}":`),
      ),
  },
  {
    name: 'leading-zeros',
    category: 'reject',
    bug: 'a lenient number grammar reads 01 as 1',
    make: (set) => rewritesText(set, 'leading-zeros', (s) => s.replace(/([:\[,]\s*-?)0+(\d)/g, '$1$2')),
  },
  {
    name: 'nan-and-infinity',
    category: 'reject',
    bug: 'JSON5 numbers: NaN and Infinity are read (and land as 0)',
    make: (set) => rewritesText(set, 'nan-and-infinity', (s) => s.replace(/([:\[,]\s*)[-+]?(NaN|Infinity)/g, '$10')),
  },
  {
    name: 'trailing-commas',
    category: 'reject',
    bug: 'trailing commas are skipped',
    make: (set) => rewritesText(set, 'trailing-commas', (s) => s.replace(/,(\s*[}\]])/g, '$1')),
  },
  {
    name: 'trailing-garbage',
    category: 'reject',
    bug: 'the parser stops after the first value and ignores the rest',
    make: (set) =>
      twisted(set, 'trailing-garbage', (ref) => ({
        parse: (m, p) => {
          const t = text(p);
          const end = t.lastIndexOf('}');
          return end > 0 && t.trimStart().startsWith('{') && t.slice(end + 1).trim() !== ''
            ? ref.parse(m, new TextEncoder().encode(t.slice(0, end + 1)))
            : ref.parse(m, p);
        },
      })),
  },
  {
    name: 'comments',
    category: 'reject',
    bug: '// and /* */ comments are skipped',
    make: (set) => rewritesText(set, 'comments', (s) => s.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')),
  },
  {
    name: 'raw-control-characters',
    category: 'reject',
    bug: 'raw control characters inside strings are taken',
    make: (set) =>
      rewritesText(set, 'raw-control-characters', (s) => s.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
  },
  {
    name: 'unknown-escapes',
    category: 'reject',
    bug: 'an unknown escape such as \\x or \\a is read as the letter',
    make: (set) => rewritesText(set, 'unknown-escapes', (s) => s.replace(/\\([^"\\/bfnrtu])/g, '$1')),
  },
  {
    name: 'exception-on-syntax-error',
    category: 'reject',
    bug: 'a syntax error escapes as an exception instead of a parse error',
    make: (set) =>
      twisted(set, 'exception-on-syntax-error', (ref) => ({
        parse: (m, p) => {
          try {
            JSON.parse(text(p));
          } catch (e) {
            return failure('exception', `SyntaxError: ${(e as Error).message}`);
          }
          return ref.parse(m, p);
        },
      })),
  },
];
