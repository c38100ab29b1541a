/**
 * What stands out about each adapter of the main job, in the README's words,
 * each claim with the verdicts that hold it: test/readme-figures.test.ts
 * fails when a recorded run no longer gives one (a claim that went stale).
 * An outcome is `failed:<kind>` or a behaviour label.
 */
export interface Finding {
  text: string;
  evidence: { check: string; outcome: string }[];
}

export const FINDINGS: Record<string, Finding> = {};

/** The implementation-defined checks whose behaviour labels the README tabulates, adapters grouped by label. */
export const BEHAVIOUR_ROWS: { check: string; title: string }[] = [
  { check: 'Informational.ImplDefined.NegativeZero', title: '`-0`' },
  { check: 'Informational.ImplDefined.LoneSurrogate', title: '`"\\ud800"`' },
  { check: 'Informational.ImplDefined.NumberOverflow', title: '`1e400`' },
  { check: 'Informational.Serialize.NonFinite', title: '`1e400` read, then written' },
  { check: 'Informational.Serialize.Escapes', title: 'what a serializer escapes' },
  { check: 'Informational.Serialize.NumberSpelling', title: 'how `1` is written' },
  { check: 'Informational.Serialize.KeyOrder', title: 'key order written' },
  { check: 'Informational.Sse.MissingFinalBlankLine', title: 'a last event without its blank line' },
];
