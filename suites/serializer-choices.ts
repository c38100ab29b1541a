import * as fc from 'fast-check';
import type { Adapter, SerializeOutcome } from '../core/contract.js';
import { isPlainObject, LosslessNumber, type Answer, type Json } from '../core/json.js';
import type { CheckDraft, ObservationCase, Shown, SuiteContext, Verdict } from '../core/check.js';
import { memberText, wrote } from './behaviours.js';
import { implementationDefinedPayloads } from './implementation-defined-payloads.js';
import { fieldsOfType, typicalValue } from './typical.js';
import { andThen, encodeText, misbehaved, outputValidator, readOutput, reserialize, shownPayload } from './verdicts.js';

/** One thing a serializer is given: a payload to read and write again, or a value to write. */
interface Writing {
  label: string;
  shown: Shown;
  write(adapter: Adapter, model: string): SerializeOutcome | Promise<SerializeOutcome>;
}

const rewrite = (label: string, text: string): Writing => ({
  label,
  shown: shownPayload(text),
  write: (a, m) => reserialize(a, m, encodeText(text)),
});
const given = (label: string, value: Answer, shown: Shown): Writing => ({
  label,
  shown,
  write: (a, m) => a.serialize(m, value),
});

const NUMBER_SPELLINGS: [string, number][] = [
  ['1', 1],
  ['1e-7', 1e-7],
  ['1e21', 1e21],
  ['0.1', 0.1],
];
const ESCAPES: [string, string][] = [
  ['<', '<'],
  ['>', '>'],
  ['&', '&'],
  ['/', '/'],
  ['U+2028', '\u2028'],
  ['U+2029', '\u2029'],
  ['DEL', '\u007f'],
  ['é (non-ASCII)', 'é'],
  ['😀 (non-BMP)', '😀'],
];

/** The values the serializer-choice observations write, and the implementation-defined ones. */
function writings(ctx: SuiteContext) {
  const base = typicalValue(ctx);
  const [num] = fieldsOfType(ctx, 'number');
  const [str] = fieldsOfType(ctx, 'string');
  const withValue = (f: string, v: Json) => ({ ...base, [f]: v }) as Json;
  const spellings = num ? NUMBER_SPELLINGS.map(([label, x]) => given(label, withValue(num, x), { value: withValue(num, x) })) : [];
  const escapes = str ? ESCAPES.map(([label, c]) => given(label, withValue(str, `a${c}b`), { value: withValue(str, `a${c}b`) })) : [];
  const exact = fieldsOfType(ctx, 'number').map((f) =>
    given(
      `${f} = 2^53+1 as its digits`,
      { ...base, [f]: new LosslessNumber('9007199254740993') },
      { value: withValue(f, 9007199254740993), note: `${f} sent as the exact digits 9007199254740993` },
    ),
  );
  const negativeZero = fieldsOfType(ctx, 'number').map((f) => given(`${f} = -0`, withValue(f, -0), { value: withValue(f, -0) }));
  const readBack = implementationDefinedPayloads(ctx).map((p) => rewrite(`${p.field} = ${p.label}, read and written again`, p.text));
  const unknown = [rewrite('an unknown field, read and written again', JSON.stringify({ ...base, extra_field: 'x' }))];
  return { base, num, str, spellings, escapes, all: [...readBack, ...unknown, ...negativeZero, ...exact, ...spellings, ...escapes] };
}

/** Output that is JSON and a valid event, a documented refusal, or the failure it is. */
function validOutput(ctx: SuiteContext, o: SerializeOutcome): Verdict {
  if (!o.ok) return misbehaved(o.error) ?? { status: 'pass' };
  return outputValidator(ctx.set, ctx.model.id)(o.bytes);
}

/** What an invalid event written is, where that is short to say: `{}`, or what its type is. */
function invalidWritten(o: SerializeOutcome): string {
  const out = o.ok ? readOutput(o.bytes) : undefined;
  if (!out?.ok || !isPlainObject(out.value)) return 'wrote an invalid event';
  if (Object.keys(out.value).length === 0) return 'wrote {}';
  if (!Object.hasOwn(out.value, 'type')) return 'wrote an event with no type';
  if (out.value.type === null) return 'wrote "type": null';
  return 'wrote an invalid event';
}

const observation = (name: string, description: string, cases: ObservationCase[], needs: ('parse' | 'serialize')[] = ['serialize']): CheckDraft => ({
  name,
  level: 'Informational',
  mode: 'observe',
  needs,
  description,
  cases,
});

/**
 * What a serializer writes where JSON leaves it a choice, and what it does
 * with values it should not hold; and, Required, that whatever it writes,
 * for any of those inputs, is JSON the schema accepts.
 */
export function serializerChoiceChecks(ctx: SuiteContext): CheckDraft[] {
  const m = ctx.model.name;
  const w = writings(ctx);
  const checks: CheckDraft[] = [];
  const always: CheckDraft<Writing> = {
    name: 'AlwaysWritesValidJson',
    level: 'Required',
    mode: 'property',
    needs: ['serialize'],
    description: 'for any input, implementation-defined ones included, the serializer writes JSON the schema accepts or refuses with its documented error',
    arbitrary: fc.constantFrom(...w.all),
    cases: () => w.all,
    show: (c) => ({ ...c.shown, note: [c.label, c.shown.note].filter(Boolean).join('; ') }),
    evaluate: (adapter, c) => andThen(c.write(adapter, m), (o) => validOutput(ctx, o)),
  };
  checks.push(always);
  const observe = (c: Writing, name: (text: string) => string): ObservationCase => ({
    label: c.label,
    shown: c.shown,
    observe: (a) => andThen(c.write(a, m), (o) => wrote(o, name)),
  });
  if (w.num) {
    checks.push(
      observation(
        'NumberSpelling',
        `how the serializer spells ${w.num}`,
        w.spellings.map((c) => observe(c, (text) => `wrote ${memberText(text, w.num!) ?? 'no ' + w.num}`)),
      ),
    );
  }
  if (w.str) {
    const str = w.str;
    checks.push(
      observation(
        'Escapes',
        `which characters the serializer escapes in ${str}`,
        w.escapes.map((c, i) =>
          observe(c, (text) => {
            const raw = memberText(text, str)?.slice(2, -2);
            if (raw === undefined) return `no ${str}`;
            return raw === ESCAPES[i]![1] ? 'raw' : `escaped ${raw}`;
          }),
        ),
      ),
    );
  }
  const base = typicalValue(ctx);
  for (const f of fieldsOfType(ctx, 'number')) {
    const value = { ...base, [f]: -0 } as Json;
    checks.push(
      observation(
        `NegativeZero.${f}`,
        `what the serializer writes for ${f} = -0`,
        [
          {
            label: '-0',
            shown: { value },
            observe: (adapter) => andThen(adapter.serialize(m, value), (o) => wrote(o, (text) => `wrote ${memberText(text, f) ?? 'no ' + f}`)),
          },
        ],
        ['serialize'],
      ),
    );
  }
  checks.push(
    observation(
      'KeyOrder',
      'the order the serializer writes keys in',
      [
        {
          label: 'typical value',
          shown: { value: base },
          observe: (adapter) =>
            andThen(adapter.serialize(m, base), (o) =>
              wrote(o, (text) => {
                const keys = [...text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((x) => x[1]!);
                const schemaOrder = Object.keys(ctx.model.schema.properties ?? {}).filter((k) => keys.includes(k));
                if (keys.join() === schemaOrder.join()) return 'schema order';
                if (keys.join() === [...keys].sort().join()) return 'alphabetical';
                return 'other order';
              }),
            ),
        },
      ],
      ['serialize'],
    ),
  );
  for (const f of fieldsOfType(ctx, 'number')) {
    const overflow = implementationDefinedPayloads(ctx).find((p) => p.field === f && p.literal === '1e400')!;
    checks.push(
      observation(
        `NonFinite.${f}`,
        `what is written again after reading ${f} = 1e400, which float64 holds as Infinity`,
        [observe(rewrite('1e400, read and written again', overflow.text), (text) => `wrote ${memberText(text, f) ?? 'no ' + f}`)],
        ['parse', 'serialize'],
      ),
    );
  }
  const empty = rewrite('{}, read and written again', '{}');
  checks.push(
    observation(
      'InvalidNative',
      'what is written for the native object a parser made of {} (the zero value, where a lenient parse allows it)',
      [
        {
          label: empty.label,
          shown: empty.shown,
          observe: (a) =>
            andThen(empty.write(a, m), (o) => {
              const named = wrote(o, () => 'wrote');
              if (named.behaviour !== 'wrote') return named;
              return { ...named, behaviour: validOutput(ctx, o).status === 'pass' ? 'wrote a valid event' : invalidWritten(o) };
            }),
        },
      ],
      ['parse', 'serialize'],
    ),
  );
  return checks;
}
