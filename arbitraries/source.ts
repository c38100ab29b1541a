import { Context, type SchemaSource as Schemas } from './_internals/context.js';
import type { Vocabulary } from './_internals/vocabulary.js';
import { supportedKeywords, VOCABULARIES } from './vocabularies/index.js';

/**
 * The schemas, their oracle, and the keyword families they are compiled
 * with where those are not the bundled ones: a keyword of one's own needs
 * both a family here and its ajv taught it.
 */
export interface SchemaSource extends Schemas {
  vocabularies?: readonly Vocabulary[];
}

const contexts = new WeakMap<SchemaSource, Context>();

/** One context per schema source: its resolved places and compiled validators are shared by every compile of it. */
export function contextFor(source: SchemaSource): Context {
  let ctx = contexts.get(source);
  if (!ctx) contexts.set(source, (ctx = new Context(source, supportedKeywords(source.vocabularies ?? VOCABULARIES))));
  return ctx;
}
