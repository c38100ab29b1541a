export function keyOf(node) {
    return node.pointer === '' ? node.base : `${node.base}#${node.pointer}`;
}
export function escapePointer(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
export function child(node, ...segments) {
    let schema = node.schema;
    let pointer = node.pointer;
    for (const s of segments) {
        schema = schema?.[s];
        pointer += `/${escapePointer(String(s))}`;
    }
    return { schema, base: node.base, pointer };
}
/** How a schema place is shown to people: the document's file name and the pointer. */
export function displayPath(node) {
    const file = node.base.slice(node.base.lastIndexOf('/') + 1);
    return `${file}#${node.pointer}`;
}
/** Joins a JSON pointer (instance side) and a property name. */
export function pointerJoin(pointer, segment) {
    return `${pointer}/${escapePointer(String(segment))}`;
}
//# sourceMappingURL=node.js.map