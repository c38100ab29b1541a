import type { AdapterError, ParseOutcome, SerializeOutcome } from '../core/contract.js';
import { show } from '../core/equality.js';
import { isPlainObject, LosslessNumber, type Answer } from '../core/json.js';
import type { Observed } from '../core/check.js';
import { readOutput } from './verdicts.js';
import { repeatedName } from './repeated-names.js';

/**
 * Behaviour labels: short, stable names for the class of what an
 * implementation did, so that equal labels across a row mean the same
 * behaviour. Numbers are named by their exact decimal value, whatever the
 * spelling or the language's type (`9007199254740992.0` and
 * `9007199254740992` are one label); the detail keeps the spelling.
 */

const MAX_LABEL = 40;
const clip = (s: string) => (s.length <= MAX_LABEL ? s : `${s.slice(0, MAX_LABEL - 1)}…`);

/** The label of a value the harness could not put in the SDK's type: never the serializer's refusal. */
export const UNREPRESENTABLE = "unrepresentable in the SDK's type";

/** A refusal, by who refused and how. */
export function refusal(error: AdapterError, documented = 'rejected'): string {
  if (error.kind === 'unrepresentable') return UNREPRESENTABLE;
  return error.kind === 'parse_error' || error.kind === 'serialize_error' ? documented : error.kind;
}

/** The exact decimal value of a number literal, written one way: `-0`, `1e-7`, `9007199254740993`. */
export function canonicalNumber(text: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  let digits = (m[2]! + (m[3] ?? '')).replace(/^0+/, '');
  let exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  if (digits === '') return `${m[1]}0`;
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  exp += trailing;
  const sign = m[1]!;
  if (exp >= 0 && exp + digits.length <= 21) return sign + digits + '0'.repeat(exp);
  if (exp < 0 && -exp < digits.length) return `${sign}${digits.slice(0, exp)}.${digits.slice(exp)}`;
  if (exp < 0 && -exp - digits.length < 6) return `${sign}0.${'0'.repeat(-exp - digits.length)}${digits}`;
  const e = exp + digits.length - 1;
  return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e > 0 ? '+' : ''}${e}`;
}

/** A number as answered, by value: a non-finite one however the harness spelled it. */
function numberName(v: Answer): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? canonicalNumber(Object.is(v, -0) ? '-0' : String(v)) : String(v);
  if (v instanceof LosslessNumber) return canonicalNumber(v.toString());
  if (typeof v === 'string') {
    if (/^\+?inf(inity)?$/i.test(v)) return 'Infinity';
    if (/^-inf(inity)?$/i.test(v)) return '-Infinity';
    if (/^nan$/i.test(v)) return 'NaN';
  }
  return undefined;
}

/** What a parse made of one field of an implementation-defined payload, against the literal sent. */
export function parsedNumber(o: ParseOutcome, field: string, literal: string): Observed {
  return parsedField(o, field, (v) => {
    const got = numberName(v);
    if (got === undefined) return `→ ${show(v)}`;
    return got === canonicalNumber(literal) ? 'kept' : `→ ${got}`;
  });
}

export function parsedString(o: ParseOutcome, field: string, sent: string): Observed {
  return parsedField(o, field, (v) => {
    if (v === sent) return 'kept';
    if (typeof v === 'string' && v.includes('\ufffd') && !sent.includes('\ufffd')) return '→ U+FFFD';
    return `→ ${show(v)}`;
  });
}

/** Which of two values given for one key a parser kept. */
export function parsedDuplicate(o: ParseOutcome, field: string, first: Answer, second: Answer): Observed {
  return parsedField(o, field, (v) => (show(v) === show(first) ? 'first wins' : show(v) === show(second) ? 'last wins' : `→ ${show(v)}`));
}

/**
 * What an accepting parser made of one field, when what it should hold is
 * not fixed: a number by its value against the literal sent, a string by
 * what it became.
 */
export function acceptedAs(o: ParseOutcome, field: string, literal?: string): string {
  if (literal !== undefined) return parsedNumber(o, field, literal).behaviour;
  return parsedField(o, field, (v) => (typeof v === 'string' && v.includes('\ufffd') ? '→ U+FFFD' : `→ ${show(v)}`)).behaviour;
}

function parsedField(o: ParseOutcome, field: string, name: (v: Answer) => string): Observed {
  if (!o.ok) return { behaviour: refusal(o.error), detail: `${o.error.kind}: ${o.error.message.slice(0, 200)}` };
  const detail = `accepted: ${show(o.value).slice(0, 300)}`;
  if (!isPlainObject(o.value)) return { behaviour: 'not an object', detail };
  const v = o.value[field];
  return { behaviour: clip(v === undefined ? 'field dropped' : name(v as Answer)), detail };
}

/** The raw text a serializer wrote for one member: `-0`, `1.0`, `"a\u003cb"`. */
export function memberText(output: string, field: string): string | undefined {
  const at = output.indexOf(`${JSON.stringify(field)}`);
  if (at < 0) return undefined;
  const rest = output.slice(at + field.length + 2).replace(/^\s*:\s*/, '');
  const m = rest.startsWith('"') ? /^"(?:[^"\\]|\\.)*"/s.exec(rest) : /^[^,}\]\s]+/.exec(rest);
  return m?.[0];
}

/**
 * What a serializer wrote, classed: a refusal (`at parse` when the parse
 * before it refused), output that is not JSON (always named so: it is a
 * failure elsewhere too), JSON that gives a name twice (named so), or the
 * class `name` gives the text.
 */
export function wrote(o: SerializeOutcome, name: (text: string) => string, refusedAt = 'refused'): Observed {
  if (!o.ok)
    return {
      behaviour: o.error.kind === 'parse_error' ? 'rejected at parse' : refusal(o.error, refusedAt),
      detail: `${o.error.kind}: ${o.error.message.slice(0, 200)}`,
    };
  const out = readOutput(o.bytes);
  const detail = `wrote ${out.text.slice(0, 300)}`;
  if (!out.ok) {
    const twice = repeatedName(out.text);
    if (twice !== undefined)
      return {
        behaviour: clip(`${name(out.text)} (a name twice)`),
        detail: `${detail} (JSON that gives ${JSON.stringify(twice)} twice in one object with two values: RFC 8259 says names SHOULD be unique)`,
      };
    return { behaviour: clip(`${name(out.text)} (not JSON)`), detail: `${detail} (${out.message})` };
  }
  return { behaviour: clip(name(out.text)), detail };
}
