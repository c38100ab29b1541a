/**
 * Ctrl-C asks a long command to stop at its next safe point and say so; a
 * second Ctrl-C quits at once. `stopped` is what the command polls; `whenStopped`
 * lets it abandon a wait on a harness that may never answer.
 */
export declare function onInterrupt(notice: string): {
    stopped: () => boolean;
    whenStopped: Promise<void>;
    release: () => void;
};
