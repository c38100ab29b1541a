import { type Answer, type Json } from './json.js';
/**
 * Where an answer differs from the value meant, or undefined when it does
 * not. Numbers are equal when their float64 values are (ARCHITECTURE.md);
 * strings code unit by code unit; keys whose answer is undefined are absent.
 */
export declare function difference(expected: Json, actual: Answer | undefined, path?: string): string | undefined;
/** JSON text of an answer with its numbers as answered, for people to read. */
export declare function show(v: Answer | undefined): string;
