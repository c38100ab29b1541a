/** A replayed case that still fails, as both kinds of replay print it; the exit status CI reads. */
export declare function printFailure(v: {
    kind: string;
    message: string;
    answer?: string;
    stderr?: string;
}): 1;
