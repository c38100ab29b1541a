export {};
//# sourceMappingURL=vocabulary.js.map