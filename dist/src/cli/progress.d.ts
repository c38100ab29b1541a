/**
 * One line on stderr: rewritten in place on a terminal, printed every tenth
 * of the way (and on each new adapter) in a CI log, so a log stays readable.
 */
export declare function progressLine(stream: NodeJS.WriteStream, enabled: boolean): (done: number, total: number, current: string) => void;
