// An installed package holds TypeScript sources, which Node cannot load by
// itself and vitest does not transform inside node_modules: tsx's loader can.
import { register } from 'tsx/esm/api';

register();
const suite = await import('./conformance-suite.ts');

/** @type {typeof import('./conformance-suite.ts').conformanceSuite} */
export const conformanceSuite = suite.conformanceSuite;
