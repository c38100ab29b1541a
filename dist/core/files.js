import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';
const code = (e) => e.code ?? String(e);
/** Written beside, then renamed over: a reader never sees half a file, even if the writer is killed. */
export function writeAtomic(path, content) {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
        writeFileSync(tmp, content);
        renameSync(tmp, path);
    }
    catch (e) {
        // a full disk or a folder gone read-only must not leave half a file behind
        rmSync(tmp, { force: true });
        throw new UsageError(`cannot write ${path}: ${code(e)}; free some space or give a folder you can write to`);
    }
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return code(e) === 'EPERM';
    }
}
/**
 * Makes the output folder and holds it for this process: a second orc on
 * the same folder is refused with a line instead of overwriting the first
 * one's reports. A lock left by a process that is gone is taken over.
 * Returns the release.
 */
export function claimOutDir(dir, option = '--out') {
    const fix = `give ${option} a folder you can write to`;
    try {
        mkdirSync(dir, { recursive: true });
    }
    catch (e) {
        throw new UsageError(`cannot make the folder ${dir}: ${code(e)}${code(e) === 'ENOTDIR' || code(e) === 'EEXIST' ? ' (a file stands in the way)' : ''}; ${fix}`);
    }
    const lock = join(dir, '.orc.lock');
    for (let attempt = 0;; attempt++) {
        try {
            writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
            return () => rmSync(lock, { force: true });
        }
        catch (e) {
            if (code(e) !== 'EEXIST' || attempt > 0)
                throw new UsageError(`cannot write to ${dir}: ${code(e)}; ${fix}`);
            const holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
            if (Number.isInteger(holder) && holder !== process.pid && pidAlive(holder)) {
                throw new UsageError(`another orc (pid ${holder}) is writing its reports to ${dir}; wait for it to end, or give this one another ${option}`);
            }
            rmSync(lock, { force: true });
        }
    }
}
/**
 * A name any file system takes, whatever the adapter is called (cmd: lines
 * hold spaces and slashes, and run past the 255 bytes a name may have): a
 * long one is cut and told apart by a hash of the whole.
 */
export function safeFileName(name) {
    const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_');
    if (safe.length <= 100)
        return safe;
    return `${safe.slice(0, 80)}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}
/** A JSON file a user named: trouble is one line saying which file, what is wrong, and what to do. */
export function readUserJson(file, what, fix) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new UsageError(`cannot read ${what} ${file}: ${e.code ?? String(e)}; ${fix.unreadable}`);
    }
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new UsageError(`${what} ${file} is not JSON (${e.message}); ${fix.notJson}`);
    }
}
//# sourceMappingURL=files.js.map