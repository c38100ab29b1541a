import type { SchemaObject } from '../../core/models.js';
import type { Ajv } from '../../core/oracle.js';
import { UnsupportedKeywordError, UsageError } from '../../core/errors.js';
import { child, displayPath, keyOf, type Node } from './node.js';
import { NUMERIC_FORMATS, isAnnotation } from './keywords.js';

export interface SchemaSource {
  byId: Map<string, SchemaObject>;
  ajv: Ajv;
}

/** Resolves `$ref`, checks keywords and hands out the oracle's validator for any place. */
export class Context {
  private validators = new Map<string, (v: unknown) => boolean>();
  private validatorOfNode = new WeakMap<Node, (v: unknown) => boolean>();
  private checked = new Set<string>();

  /** `supported`: the keywords of the vocabularies the compiler composes. */
  constructor(
    readonly source: SchemaSource,
    private readonly supported: ReadonlySet<string>,
  ) {}

  root(id: string): Node {
    const schema = this.source.byId.get(id);
    if (!schema) throw new UsageError(`no schema with $id ${id}`);
    return { schema, base: id, pointer: '' };
  }

  resolve(node: Node, ref: string): Node {
    let url: URL;
    try {
      url = new URL(ref, node.base);
    } catch {
      throw new UsageError(`$ref "${ref}" at ${displayPath(node)} is not a URI reference`);
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const docId = url.href;
    const doc = this.source.byId.get(docId) ?? this.source.byId.get(`${docId}#`);
    if (!doc) throw new UsageError(`$ref "${ref}" at ${displayPath(node)} names an unknown schema ${docId}`);
    if (fragment !== '' && !fragment.startsWith('/')) {
      throw new UnsupportedKeywordError('$ref', displayPath(node), `anchor "#${fragment}"; use a JSON pointer`);
    }
    const segments =
      fragment === ''
        ? []
        : fragment
            .slice(1)
            .split('/')
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const target = child({ schema: doc, base: docId, pointer: '' }, ...segments);
    if (target.schema === undefined) throw new UsageError(`$ref "${ref}" at ${displayPath(node)} points at nothing`);
    return target;
  }

  /** The oracle's verdict for a value at this place of the schema. */
  validator(node: Node): (v: unknown) => boolean {
    // a node asked again (a union's branch, for every value a stream holds) is found without building its key
    const known = this.validatorOfNode.get(node);
    if (known) return known;
    const key = keyOf(node);
    let fn = this.validators.get(key);
    if (!fn) {
      const compiled = this.source.ajv.getSchema(key);
      if (!compiled) throw new UsageError(`ajv cannot resolve ${displayPath(node)}`);
      fn = (v: unknown) => compiled(v) as boolean;
      this.validators.set(key, fn);
    }
    this.validatorOfNode.set(node, fn);
    return fn;
  }

  /**
   * Walks everything reachable from a node once, so an unsupported keyword is
   * an error even where the generator would never have gone.
   */
  checkKeywords(node: Node): void {
    const key = keyOf(node);
    if (this.checked.has(key)) return;
    this.checked.add(key);
    const s = node.schema;
    if (typeof s === 'boolean') return;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      throw new UsageError(`${displayPath(node)} is not a schema (an object or a boolean)`);
    }
    for (const k of Object.keys(s)) {
      if (isAnnotation(k)) {
        if (k === '$id' && node.pointer !== '') throw new UnsupportedKeywordError('$id', displayPath(node), 'only a document root may set $id');
        continue;
      }
      if (!this.supported.has(k)) throw new UnsupportedKeywordError(k, displayPath(node));
    }
    if ('format' in s && !NUMERIC_FORMATS.has(s.format)) {
      throw new UnsupportedKeywordError('format', displayPath(node), `format "${s.format}"`);
    }
    if (typeof s.$ref === 'string') this.checkKeywords(this.resolve(node, s.$ref));
    for (const k of ['additionalProperties', 'items']) if (k in s) this.checkKeywords(child(node, k));
    for (const k of ['properties']) for (const p of Object.keys(s[k] ?? {})) this.checkKeywords(child(node, k, p));
    for (const k of ['oneOf', 'anyOf', 'allOf', 'prefixItems']) (s[k] ?? []).forEach((_: unknown, i: number) => this.checkKeywords(child(node, k, i)));
  }
}
