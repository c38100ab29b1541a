/** Written beside, then renamed over: a reader never sees half a file, even if the writer is killed. */
export declare function writeAtomic(path: string, content: string): void;
/**
 * Makes the output folder and holds it for this process: a second orc on
 * the same folder is refused with a line instead of overwriting the first
 * one's reports. A lock left by a process that is gone is taken over.
 * Returns the release.
 */
export declare function claimOutDir(dir: string, option?: string): () => void;
/**
 * A name any file system takes, whatever the adapter is called (cmd: lines
 * hold spaces and slashes, and run past the 255 bytes a name may have): a
 * long one is cut and told apart by a hash of the whole.
 */
export declare function safeFileName(name: string): string;
/** A JSON file a user named: trouble is one line saying which file, what is wrong, and what to do. */
export declare function readUserJson(file: string, what: string, fix: {
    unreadable: string;
    notJson: string;
}): unknown;
