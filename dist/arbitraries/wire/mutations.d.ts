import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import type { Expectation, MutationCategory } from '../../core/fuzz-results.js';
export { CATEGORIES, EXPECTATIONS, type Expectation, type MutationCategory } from '../../core/fuzz-results.js';
/** One hostile payload: its bytes, what must happen, and, when it must parse, to what. */
export interface FuzzCase {
    mutation: string;
    category: MutationCategory;
    expect: Expectation;
    model: string;
    bytes: Uint8Array;
    /** accept: the value the payload holds. */
    expected?: Json;
    /** What was done, for people. */
    detail: string;
    /** The field the mutation aimed at, when it aimed at one: what an accepting parser made of it is its behaviour. */
    field?: string;
    /** A number mutation's literal, so that an accepted value can be named against it. */
    literal?: string;
}
/** A valid value of one model, with the fields a mutation can aim at. */
export interface Base {
    model: string;
    value: Record<string, Json>;
    numberFields: string[];
    stringFields: string[];
}
type Make = (base: Base, pick: number) => {
    bytes: Uint8Array | string;
    expected?: Json;
    detail: string;
    field?: string;
    literal?: string;
} | undefined;
interface Mutation {
    name: string;
    category: MutationCategory;
    expect: Expectation;
    make: Make;
}
export declare const MUTATIONS: readonly Mutation[];
/** Kept apart: a case of several megabytes at the rate of the others would measure the allocator. */
export declare const SIZE_MUTATIONS: readonly Mutation[];
/** The bases a model gives: a valid value and which fields hold numbers or free strings. */
export declare function baseOf(model: string, schema: {
    properties?: Record<string, any>;
}, value: Json): Base;
export declare function applyMutation(m: Mutation, base: Base, pick: number): FuzzCase | undefined;
/** Hostile payloads over valid bases: every mutation equally often, each with its own choice of field and form. */
export declare function fuzzCases(bases: fc.Arbitrary<Base>, mutations?: readonly Mutation[]): fc.Arbitrary<FuzzCase>;
