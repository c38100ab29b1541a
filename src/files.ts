import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { UsageError } from './errors.ts';

/** Written beside, then renamed over: a reader never sees half a file, even if the writer is killed. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** A name any file system takes, whatever the adapter is called (cmd: lines hold spaces and slashes). */
export const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_');

/** A JSON file a user named: trouble is one line saying which file, what is wrong, and what to do. */
export function readUserJson(file: string, what: string, fix: { unreadable: string; notJson: string }): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}; ${fix.unreadable}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${file} is not JSON (${(e as Error).message}); ${fix.notJson}`);
  }
}
