import type { SchemaObject } from '../../core/models.js';

/** A place in a schema document: the subschema, its document's base URI and its JSON pointer. */
export interface Node {
  schema: SchemaObject | boolean;
  base: string;
  pointer: string;
}

export function keyOf(node: Node): string {
  return node.pointer === '' ? node.base : `${node.base}#${node.pointer}`;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function child(node: Node, ...segments: (string | number)[]): Node {
  let schema: any = node.schema;
  let pointer = node.pointer;
  for (const s of segments) {
    schema = schema?.[s];
    pointer += `/${escapePointer(String(s))}`;
  }
  return { schema, base: node.base, pointer };
}

/** How a schema place is shown to people: the document's file name and the pointer. */
export function displayPath(node: Node): string {
  const file = node.base.slice(node.base.lastIndexOf('/') + 1);
  return `${file}#${node.pointer}`;
}

/** Joins a JSON pointer (instance side) and a property name. */
export function pointerJoin(pointer: string, segment: string | number): string {
  return `${pointer}/${escapePointer(String(segment))}`;
}
