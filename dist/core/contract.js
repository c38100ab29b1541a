/** What a bundled adapter that needs a clone says from an install. */
export function fromCloneOnly(name, what) {
    return `${name} runs from a clone of the openresponses-conformance repository (npm ci, then npm run adapters:setup), where ${what} is installed; this install has reference and NAME=cmd:<your harness>`;
}
/** Whether the adapter declares `op` for `model`: a check that needs an undeclared operation is reported n/a, not failed. */
export function supports(info, op, model) {
    return info.operations[op]?.includes(model) ?? false;
}
/** An outcome that failed with `kind`: what an adapter returns when the implementation refuses, or lacks, an operation. */
export function failure(kind, message) {
    return { ok: false, error: { kind, message } };
}
/** One line, whatever the implementation put in its message (Zod prints its issues as indented JSON). */
export function describeThrown(e) {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return text.replace(/\s+/g, ' ').trim();
}
//# sourceMappingURL=contract.js.map