import { failure } from '../core/contract.js';
import { rewritesText, twisted, text, type Mutant } from './mutant.js';

/** Parsers that refuse or misread a legal JSON spelling: what Recommended.WireSpelling.* and UnknownFields must catch. */
export const SPELLING_MUTANTS: Mutant[] = [
  {
    name: 'escaped-slash-two-chars',
    category: 'spellings',
    bug: '"\\/" read as two characters, backslash and slash',
    make: (set) => rewritesText(set, 'escaped-slash-two-chars', (s) => s.replace(/(?<!\\)((?:\\\\)*)\\\//g, '$1\\\\/')),
  },
  {
    name: 'refuses-escaped-slash',
    category: 'spellings',
    bug: '"\\/" refused as an unknown escape',
    make: (set) =>
      twisted(set, 'refuses-escaped-slash', (ref) => ({
        parse: (m, p) => (/(?<!\\)(?:\\\\)*\\\//.test(text(p)) ? failure('parse_error', 'invalid escape \\/') : ref.parse(m, p)),
      })),
  },
  {
    name: 'refuses-unicode-escapes',
    category: 'spellings',
    bug: '\\u escapes refused: the tokenizer knows only the short escapes',
    make: (set) =>
      twisted(set, 'refuses-unicode-escapes', (ref) => ({
        parse: (m, p) => (/(?<!\\)(?:\\\\)*\\u/.test(text(p)) ? failure('parse_error', 'invalid escape \\u') : ref.parse(m, p)),
      })),
  },
  {
    name: 'refuses-exponents',
    category: 'spellings',
    bug: 'numbers with an exponent (1e0, 10E-1) refused by an integer-first tokenizer',
    make: (set) =>
      twisted(set, 'refuses-exponents', (ref) => ({
        parse: (m, p) => (/[:\[,]\s*-?\d+(\.\d+)?[eE]/.test(text(p)) ? failure('parse_error', 'unexpected e in number') : ref.parse(m, p)),
      })),
  },
  {
    name: 'refuses-tabs-and-newlines',
    category: 'spellings',
    bug: 'only spaces are whitespace between tokens',
    make: (set) =>
      twisted(set, 'refuses-tabs-and-newlines', (ref) => ({
        parse: (m, p) => (/[\t\n\r]/.test(text(p)) ? failure('parse_error', 'unexpected character') : ref.parse(m, p)),
      })),
  },
  {
    name: 'type-must-come-first',
    category: 'spellings',
    bug: 'a streaming parser that dispatches on the first key refuses events whose type is not first',
    make: (set) =>
      twisted(set, 'type-must-come-first', (ref) => ({
        parse: (m, p) => (/^\s*\{\s*"(?!type")/.test(text(p)) ? failure('parse_error', 'type must be the first key') : ref.parse(m, p)),
      })),
  },
  {
    name: 'refuses-unknown-fields',
    category: 'spellings',
    bug: 'unknown fields refused (a strict decoder): the next API version breaks every client',
    make: (set) =>
      twisted(set, 'refuses-unknown-fields', (ref) => ({
        parse: (m, p) => {
          try {
            const j = JSON.parse(text(p));
            if (j && typeof j === 'object' && Object.keys(j).some((k) => !['type', 'item_id', 'output_index', 'sequence_number'].includes(k)))
              return failure('parse_error', 'unknown field');
          } catch {
            /* the reference says why */
          }
          return ref.parse(m, p);
        },
      })),
  },
];
