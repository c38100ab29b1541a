/**
 * What each suite checks, in a sentence, by its name and in the order
 * reports list them: `orc list` prints them without loading a suite (its
 * generators, fast-check, ajv). Each suite takes its description from here.
 */
export const SUITE_DESCRIPTIONS = {
  Parse: 'accepts every valid payload with its values intact; rejects every payload that breaks a rule, with a parse error',
  Serialize:
    'the serializer writes JSON that validates against the schema and reads back as the value given, whatever it is given; what it chooses where JSON leaves a choice is recorded',
  RoundTrip: 'parse(serialize(v)) is v; serialize(parse(text)) means what text means',
  WireSpelling: 'every legal JSON spelling of a valid value parses to that value',
  UnknownFields: 'a parser ignores fields the model does not name (forward compatibility); what a serializer then does is recorded',
  ImplementationDefined: 'values JSON allows but float64 or UTF-16 cannot hold, and duplicate keys: what a parser makes of them, recorded, never failed',
  Sse: "the implementation's text/event-stream decoder yields the events the reference decoder does, however the stream is framed and cut",
  Stream:
    "whole streams of a family through the SDK's decoder and its event union: every event kept, extension events ignored; what the union does with events it does not know, recorded",
} as const;

/** The suites' names, in the order reports list them. */
export const SUITE_NAMES = Object.keys(SUITE_DESCRIPTIONS) as (keyof typeof SUITE_DESCRIPTIONS)[];
