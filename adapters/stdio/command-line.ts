/**
 * A `cmd:` line that is only words is run without a shell: dash does not
 * exec the last command of a line, and a shell left waiting holds the
 * harness's pipes, so a harness that closed its stdout would never be seen
 * to. Anything a shell would give meaning to (operators, redirections,
 * expansions, globs, escapes, variable assignments, builtins) keeps the shell.
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Inside double quotes only $, ` and \ mean anything to a shell. */
const DOUBLE = /^"[^"$`\\]*"/;
const SINGLE = /^'[^']*'/;
const BARE = /^[A-Za-z0-9_@%+=:,./-]+/;
/** Words a shell runs itself, or reads as syntax, never as a program's name. */
const SHELL_WORDS = new Set([
  '.',
  ':',
  'alias',
  'bg',
  'break',
  'case',
  'cd',
  'command',
  'continue',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'eval',
  'exec',
  'exit',
  'export',
  'fc',
  'fg',
  'fi',
  'for',
  'getopts',
  'hash',
  'if',
  'jobs',
  'kill',
  'local',
  'printf',
  'pwd',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'test',
  'then',
  'time',
  'times',
  'trap',
  'type',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'until',
  'wait',
  'while',
  '[',
  'echo',
  'true',
  'false',
]);

/** The line's words, as the shell would hand them to the program; undefined when only a shell can run the line. */
export function plainArgv(line: string): string[] | undefined {
  const words: string[] = [];
  let rest = line.trim();
  while (rest.length > 0) {
    let word = '';
    let quoted = false;
    // a word is bare text and quoted strings, side by side
    for (;;) {
      const m = SINGLE.exec(rest) ?? DOUBLE.exec(rest) ?? BARE.exec(rest);
      if (!m) break;
      const piece = m[0];
      if (piece.startsWith("'") || piece.startsWith('"')) {
        word += piece.slice(1, -1);
        quoted = true;
      } else word += piece;
      rest = rest.slice(piece.length);
    }
    if (rest.length > 0 && !/^[ \t]/.test(rest)) return undefined;
    rest = rest.trimStart();
    if (word === '' && !quoted) return undefined;
    words.push(word);
  }
  const [first] = words;
  // VAR=value before the command, or a shell's own word, needs the shell
  if (first === undefined || SHELL_WORDS.has(first) || (PLAIN.test(first) && first.includes('='))) return undefined;
  return words;
}
