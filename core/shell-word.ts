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
