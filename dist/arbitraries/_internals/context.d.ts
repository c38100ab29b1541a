import type { SchemaObject } from '../../core/models.js';
import type { Ajv } from '../../core/oracle.js';
import { type Node } from './node.js';
export interface SchemaSource {
    byId: Map<string, SchemaObject>;
    ajv: Ajv;
}
/** Resolves `$ref`, checks keywords and hands out the oracle's validator for any place. */
export declare class Context {
    readonly source: SchemaSource;
    private readonly supported;
    private validators;
    private checked;
    /** `supported`: the keywords of the vocabularies the compiler composes. */
    constructor(source: SchemaSource, supported: ReadonlySet<string>);
    root(id: string): Node;
    resolve(node: Node, ref: string): Node;
    /** The oracle's verdict for a value at this place of the schema. */
    validator(node: Node): (v: unknown) => boolean;
    /**
     * Walks everything reachable from a node once, so an unsupported keyword is
     * an error even where the generator would never have gone.
     */
    checkKeywords(node: Node): void;
}
