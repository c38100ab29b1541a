import { type AdapterFactory } from '../../core/contract.js';
/** One factory per adapter a harness manifest declares, in folder order. */
export declare function bundledHarnesses(): AdapterFactory[];
/** `NAME=cmd:<command line>`: any program that speaks the protocol, run by the shell, known by the name the user gave it. */
export declare function commandAdapter(name: string, commandLine: string): AdapterFactory;
