/* eslint-disable */
/**
 * Generated from schema/ by `npm run generate` (json-schema-to-typescript).
 * Do not edit: change the schema and generate again; a test fails when this
 * file and the schemas disagree.
 */
export {};
//# sourceMappingURL=models.js.map