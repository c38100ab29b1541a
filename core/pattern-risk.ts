/**
 * JavaScript has no regex timeout and V8's linear-time engine does not take
 * the `u` flag ajv compiles patterns with, so a pattern that backtracks
 * without end would hang the oracle and the generator alike. This finds the
 * two shapes behind nearly every such pattern, before anything runs one:
 * a repeat around something that repeats (`(a+)+`, star height above one),
 * and a repeat around alternatives that can start with the same character
 * (`(a|aa)+`). It is a scan of the source, not a proof: a pattern it passes
 * can still be slow on some input, and it refuses a few that are not.
 */

/** A repeat counts as one past this many times; `{2,3}` around `\d+` costs a power of 3 at most. */
const REPEAT_BOUND = 8;

interface Group {
  /** An unbounded quantifier somewhere inside. */
  repeats: boolean;
  /** The first atom of each alternative, as pattern source (`a`, `[a-z]`, `\d`); undefined while an alternative is empty. */
  firsts: (string | undefined)[];
  /** Where the group opens in the pattern. */
  start: number;
  /** The atoms repeated without bound inside, as source; `*` for a group, whose characters are not worked out. */
  repeated: string[];
  /** The last atom of the current alternative when it is one character that must occur (no quantifier), as source. */
  tail: string | undefined;
}

interface Atom {
  source: string;
  group?: Group;
}

/** The characters two single-character atoms are compared on; beyond ASCII they are taken to overlap only where both match these. */
const PROBE_CHARS = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), '\u00e9', '\u00a0', '\u2028', '\u4e00', '\u{1f600}'];

/** Which of PROBE_CHARS an atom matches; undefined when it cannot be compiled alone (then it is taken to match anything). */
function matches(atom: string): boolean[] | undefined {
  try {
    const r = new RegExp(`^(?:${atom})$`, 'u');
    return PROBE_CHARS.map((ch) => r.test(ch));
  } catch {
    return undefined;
  }
}

function overlap(a: string, b: string): boolean {
  if (a === b) return true;
  const ma = matches(a);
  const mb = matches(b);
  return !ma || !mb || ma.some((m, i) => m && mb[i]);
}

/** Whether any two atoms can match the same character: each compiled once, however many alternatives. */
function anyOverlap(atoms: string[]): boolean {
  const seen = new Set<string>();
  const sets: (boolean[] | undefined)[] = [];
  for (const a of atoms) {
    if (seen.has(a)) return true;
    seen.add(a);
    sets.push(matches(a));
  }
  for (let x = 0; x < sets.length; x++) {
    for (let y = x + 1; y < sets.length; y++) {
      const [sx, sy] = [sets[x], sets[y]];
      if (!sx || !sy || sx.some((m, i) => m && sy[i])) return true;
    }
  }
  return false;
}

/** The end of a quantifier at `i` and its upper bound, or undefined when none starts there. */
function quantifier(p: string, i: number): { end: number; max: number } | undefined {
  const ch = p[i];
  let end: number;
  let max: number;
  if (ch === '*' || ch === '+') [end, max] = [i + 1, Infinity];
  else if (ch === '?') [end, max] = [i + 1, 1];
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return undefined;
    end = i + m[0].length;
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  } else return undefined;
  if (p[end] === '?') end++;
  return { end, max };
}

/** The end of the escape at `i` (a backslash). */
function escapeEnd(p: string, i: number): number {
  const next = p[i + 1];
  if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && /[{<]/.test(p[i + 2] ?? '')) {
    const close = p.indexOf(next === 'k' ? '>' : '}', i + 2);
    return close < 0 ? p.length : close + 1;
  }
  if (next === 'u') return i + 6;
  if (next === 'x') return i + 4;
  if (next === 'c') return i + 3;
  return i + 2;
}

/** The end of the character class starting at `i` (a `[`). */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length && p[j] !== ']') j = p[j] === '\\' ? escapeEnd(p, j) : j + 1;
  return j + 1;
}

/** Why a pattern may backtrack without end, in a few words; undefined when the scan finds nothing. */
export function catastrophicShape(p: string): string | undefined {
  const open = (start: number): Group => ({ repeats: false, firsts: [undefined], start, repeated: [], tail: undefined });
  const stack: Group[] = [open(0)];
  let last: Atom | undefined;
  let i = 0;
  while (i < p.length) {
    const top = stack[stack.length - 1]!;
    const q = last ? quantifier(p, i) : undefined;
    if (q) {
      const repeated = q.max === Infinity || q.max > REPEAT_BOUND;
      const g = last!.group;
      if (repeated && g?.repeats && !separated(g)) return `a repeated group around a repeat, as in (a+)+: "${clip(last!.source)}"`;
      if (repeated && g) {
        if (anyOverlap(g.firsts.filter((f): f is string => f !== undefined)))
          return `a repeated group whose alternatives can start alike, as in (a|aa)+: "${clip(last!.source)}"`;
      }
      if (q.max === Infinity) {
        top.repeats = true;
        top.repeated.push(g ? '*' : last!.source);
      }
      top.tail = undefined;
      last = undefined;
      i = q.end;
      continue;
    }
    const ch = p[i]!;
    const start = i;
    const note = (source: string) => {
      const firsts = top.firsts;
      if (firsts[firsts.length - 1] === undefined) firsts[firsts.length - 1] = source;
    };
    if (ch === '(') {
      const prefix = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)?/.exec(p.slice(i))?.[0] ?? '(';
      stack.push(open(start));
      i += prefix.length;
      last = undefined;
      continue;
    }
    if (ch === ')') {
      if (stack.length === 1) return undefined;
      const g = stack.pop()!;
      const outer = stack[stack.length - 1]!;
      if (g.repeats) {
        outer.repeats = true;
        outer.repeated.push('*');
      }
      outer.tail = undefined;
      const source = p.slice(g.start, i + 1);
      const lastFirsts = outer.firsts;
      if (lastFirsts[lastFirsts.length - 1] === undefined) lastFirsts[lastFirsts.length - 1] = g.firsts[0] ?? source;
      last = { source, group: g };
      i++;
      continue;
    }
    if (ch === '|') {
      top.firsts.push(undefined);
      top.tail = undefined;
      last = undefined;
      i++;
      continue;
    }
    if (ch === '^' || ch === '$') {
      last = undefined;
      i++;
      continue;
    }
    const end = ch === '\\' ? escapeEnd(p, i) : ch === '[' ? classEnd(p, i) : i + (p.codePointAt(i)! > 0xffff ? 2 : 1);
    const source = p.slice(start, end);
    // \b and a backreference match no character of their own: as a first atom they say nothing
    if (!(ch === '\\' && /^\\[bB1-9k]/.test(source))) {
      note(source);
      top.tail = source;
    }
    last = { source };
    i = end;
  }
  return undefined;
}

/**
 * `([a-z]+-)*`: each round ends with a character its repeats cannot match,
 * so there is one way to split the input into rounds, and no blow-up.
 */
function separated(g: Group): boolean {
  const tail = g.tail;
  return g.firsts.length === 1 && tail !== undefined && g.repeated.every((r) => r !== '*' && !overlap(r, tail));
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
