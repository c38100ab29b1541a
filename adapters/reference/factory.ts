import type { AdapterFactory } from '../../core/contract.js';

/** The reference implementation as a bundled adapter, `reference`: it runs everywhere; its code (the codec, the generators it shares) loads when it starts. */
export const reference: AdapterFactory = {
  name: 'reference',
  summary: 'strict, correct TypeScript implementation of every bundled model (the default)',
  create: async ({ set }) => (await import('./index.js')).referenceAdapter(set),
};
