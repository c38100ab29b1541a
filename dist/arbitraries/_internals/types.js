export function joinField(outer, inner) {
    return inner === '' ? outer : outer === '' ? inner : `${outer}.${inner}`;
}
//# sourceMappingURL=types.js.map