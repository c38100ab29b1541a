export function supports(info, op, model) {
    return info.operations[op]?.includes(model) ?? false;
}
export function failure(kind, message) {
    return { ok: false, error: { kind, message } };
}
/** One line, whatever the implementation put in its message (Zod prints its issues as indented JSON). */
export function describeThrown(e) {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return text.replace(/\s+/g, ' ').trim();
}
//# sourceMappingURL=contract.js.map