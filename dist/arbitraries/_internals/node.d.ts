import type { SchemaObject } from '../../core/models.js';
/** A place in a schema document: the subschema, its document's base URI and its JSON pointer. */
export interface Node {
    schema: SchemaObject | boolean;
    base: string;
    pointer: string;
}
export declare function keyOf(node: Node): string;
export declare function escapePointer(segment: string): string;
export declare function child(node: Node, ...segments: (string | number)[]): Node;
/** How a schema place is shown to people: the document's file name and the pointer. */
export declare function displayPath(node: Node): string;
/** Joins a JSON pointer (instance side) and a property name. */
export declare function pointerJoin(pointer: string, segment: string | number): string;
