/** Characters a POSIX shell gives no meaning inside a word, wherever they stand. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argument as a POSIX shell reads it back exactly: left bare when it holds
 * nothing the shell would act on, else in single quotes, inside which only a
 * quote itself needs spelling out (`'\''`).
 */
export function shellWord(arg: string): string {
  return PLAIN.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** A command's words as a POSIX shell splits them: spaces inside single quotes, or after a backslash, are not breaks. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === ' ' && !quoted) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    if (c === "'") quoted = !quoted;
    else if (c === '\\' && !quoted && i + 1 < command.length) word += command[i++];
    word += command[i];
  }
  return word ? [...words, word] : words;
}

/**
 * A shell word too long for a line, broken into lines that a POSIX shell
 * reads back as the same word: outside quotes backslash-newline is joined to
 * nothing; inside single quotes the quote is closed first and opened again on
 * the next line (adjacent quoted strings are one word). Each piece starts at
 * the line's start, since an indent would split the word; an escape
 * (backslash and its character) stays on one line.
 */
export function brokenWord(word: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let quoted = false;
  for (let i = 0; i < word.length;) {
    const unit = !quoted && word[i] === '\\' ? word.slice(i, i + 2) : word[i]!;
    const close = quoted ? "'\\" : '\\';
    if (line.length + unit.length + close.length > width && line.length > 1) {
      lines.push(line + close);
      line = quoted ? "'" : '';
    }
    line += unit;
    if (unit === "'") quoted = !quoted;
    i += unit.length;
  }
  return [...lines, line];
}
