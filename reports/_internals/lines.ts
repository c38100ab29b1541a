/** Each line followed by its newline, as `lines.join('\n') + '\n'` has them, but one at a time. */
export function* endingEach(lines: readonly string[]): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}
