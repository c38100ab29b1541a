import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/** Text gathered to about this many characters before a write: few calls, and no piece of a large document held long. */
const WRITE_BATCH_CHARS = 1 << 20;

/**
 * Written beside, then renamed over: a reader never sees half a file, even if
 * the writer is killed. The content may come in pieces (a report of hundreds
 * of megabytes), which are written as they come and never joined whole.
 */
export function writeAtomic(path: string, content: string | Iterable<string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    if (typeof content === 'string') writeFileSync(tmp, content);
    else writePieces(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    // a full disk or a folder gone read-only must not leave half a file behind; where no file could be made
    // (a path through a regular file), there is none to remove, and the cause is what the user must hear
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    throw new UsageError(`cannot write ${path}: ${code(e)}; free some space or give a folder you can write to`);
  }
}

function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size >= WRITE_BATCH_CHARS) {
        writeAll(fd, batch.join(''));
        batch = [];
        size = 0;
      }
    }
    if (batch.length) writeAll(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
}

/** A write may take less than it is given (a full disk takes part): the rest is written again, or the error thrown. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM';
  }
}

/**
 * Whether `pid` is a live orc: a lock restored from a CI cache, or left by a
 * process whose pid was since reused (pid 1 in a container), names a live
 * process that is not one, and must not hold the folder forever. Where
 * /proc cannot tell, a live process is taken for an orc.
 */
function liveOrc(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !pidAlive(pid)) return false;
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return process.platform !== 'linux';
  }
  return argv.some((a) => /(^|\/)orc(\.js)?$/.test(a));
}

/** The pid a lock names, or undefined when it names none (a folder, a dangling link, garbage). */
function lockHolder(lock: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(lock, 'utf8'), 10);
  } catch {
    return undefined;
  }
}

/**
 * Makes the output folder and holds it for this process: a second orc on
 * the same folder is refused with a line instead of overwriting the first
 * one's reports. A lock that is not a live orc's (its process gone or not
 * an orc, a folder or a dangling link in its place) is taken over.
 * Returns the release.
 */
export function claimOutDir(dir: string, option = '--out'): () => void {
  const fix = `give ${option} a folder you can write to`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(
      `cannot make the folder ${dir}: ${code(e)}${code(e) === 'ENOTDIR' || code(e) === 'EEXIST' ? ' (a file stands in the way)' : ''}; ${fix}`,
    );
  }
  const lock = join(dir, '.orc.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if (code(e) !== 'EEXIST' || attempt > 0) throw new UsageError(`cannot write to ${dir}: ${code(e)}; ${fix}`);
      const holder = lockHolder(lock);
      if (holder !== undefined && liveOrc(holder)) {
        throw new UsageError(`another orc (pid ${holder}) is writing its reports to ${dir}; wait for it to end, or give this one another ${option}`);
      }
      try {
        rmSync(lock, { recursive: true, force: true });
      } catch (err) {
        throw new UsageError(`cannot take over the stale lock ${lock}: ${code(err)}; remove it, or ${fix}`);
      }
    }
  }
}

/**
 * A name any file system takes, whatever the adapter is called (cmd: lines
 * hold spaces and slashes, and run past the 255 bytes a name may have): a
 * long one is cut and told apart by a hash of the whole.
 */
export function safeFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (safe.length <= 100) return safe;
  return `${safe.slice(0, 80)}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

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
