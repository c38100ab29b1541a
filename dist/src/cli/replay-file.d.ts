/** Reruns a failure "orc fuzz" saved: the same bytes, against its adapter or another one. */
export declare function replayFile(path: string, adapterName?: string): Promise<number>;
