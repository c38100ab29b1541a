import type { FailedResult } from '../core/results.js';

/** A failure as plain lines, for the formats that show it as text (JUnit, vitest). */
export function failureLines(r: FailedResult, replayLine = `replay: ${r.failure.replayCommand}`): string[] {
  const f = r.failure;
  const lines = [`${f.kind}: ${f.message}`];
  if (f.counterexample.payload) lines.push(`payload: ${f.counterexample.payload.text}`, `bytes (base64): ${f.counterexample.payload.base64}`);
  if (f.counterexample.value !== undefined) lines.push(`value: ${JSON.stringify(f.counterexample.value)}`);
  if (f.counterexample.note) lines.push(`(${f.counterexample.note})`);
  if (f.answer !== undefined) lines.push(`answer: ${f.answer}`);
  if (f.stderr) lines.push(`stderr: ${f.stderr}`);
  lines.push(replayLine);
  return lines;
}
