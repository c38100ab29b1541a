/** Narrows a result to a failure. */
export const isFailed = (r) => r.status === 'failed';
//# sourceMappingURL=results.js.map