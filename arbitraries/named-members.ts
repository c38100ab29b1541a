import type { Json } from '../core/json.js';
import { isPlainObject, objectFrom } from '../core/json.js';
import type { UnnamedMember } from '../core/unnamed-members.js';
import { conjKey, conjOf, keywordValues, type Conj } from './_internals/conjunction.js';
import { child, type Node } from './_internals/node.js';
import { pendingCombinator } from './vocabularies/combinators.js';
import { objectShape } from './vocabularies/object.js';
import { contextFor, type SchemaSource } from './source.js';
import type { Context } from './_internals/context.js';

/**
 * A value as its model names it: every member the schema does not name set
 * aside, at every depth, through `$ref`, `allOf` and the `oneOf`/`anyOf`
 * branches the value matches. An object's named members are its `properties`
 * and `required` across the conjunction, and every member where
 * `additionalProperties` is a schema (a map); an object whose schema says
 * nothing of its members is kept whole. This is what the project means by an
 * open object: a member it does not name may come (forward compatibility),
 * and no check but UnknownFields asks for it back.
 *
 * `valid`: the caller has validated the value as it is against the model, so
 * a union its `type` narrows to one branch is not asked again. `build: false`:
 * only the unnamed members are wanted, and the value comes back as it is.
 */
export function namedPart(
  source: SchemaSource,
  id: string,
  value: Json,
  options: { valid?: boolean; build?: boolean } = {},
): { value: Json; unnamed: UnnamedMember[] } {
  const ctx = contextFor(source);
  const unnamed: UnnamedMember[] = [];
  const all = placesOf(ctx);
  const w: Walk = { all, build: options.build ?? true, at: [] };
  const named = walk(w, all.root(id), value, unnamed, options.valid === true && SHORTCUTS.trustValid);
  return { value: named, unnamed };
}

/** The members of a value its model does not name, at every depth: where an open object's schema is silent. */
export function unnamedMembers(source: SchemaSource, id: string, value: Json): UnnamedMember[] {
  return namedPart(source, id, value).unnamed;
}

/** What a schema place says of the members and items below it, worked out once per place: every parsed value walks it. */
interface Place {
  conj: Conj;
  union?: { keyword: 'oneOf' | 'anyOf'; branches: Node[]; expanded: Set<string>; opened: Map<string, Place> };
  /** Absent where the place says nothing of an object's members: such an object is kept whole. */
  object?: { properties: Map<string, Place>; required: Set<string>; map?: Place };
  items?: { prefix: Place[]; rest?: Place };
}

class Places {
  private readonly byKey = new Map<string, Place>();
  private readonly roots = new Map<string, Place>();
  constructor(readonly ctx: Context) {}

  /** A model's own place: each event of a stream starts here. */
  root(id: string): Place {
    let place = this.roots.get(id);
    if (!place) this.roots.set(id, (place = this.at(conjOf(this.ctx, [this.ctx.root(id)]))));
    return place;
  }

  at(conj: Conj): Place {
    const key = conjKey(conj);
    let place = this.byKey.get(key);
    if (place) return place;
    place = { conj };
    // set before its members are worked out: a schema that refers back to itself meets this place again
    this.byKey.set(key, place);
    const comb = pendingCombinator(conj);
    if (comb) {
      const branches = ((comb.node.schema as Record<string, unknown[]>)[comb.keyword] ?? []).map((_, i) => child(comb.node, comb.keyword, i));
      place.union = { keyword: comb.keyword, branches, expanded: new Set([...conj.expanded, comb.key]), opened: new Map() };
      return place;
    }
    if (
      conj.nodes.some(
        ({ schema }) => typeof schema === 'object' && schema !== null && ['properties', 'required', 'additionalProperties'].some((k) => k in schema),
      )
    ) {
      const shape = objectShape(conj);
      const properties = new Map<string, Place>();
      for (const [k, nodes] of shape.properties) properties.set(k, this.at(conjOf(this.ctx, nodes)));
      place.object = {
        properties,
        required: new Set(shape.required),
        ...(shape.additional !== false && shape.additional.length > 0 ? { map: this.at(conjOf(this.ctx, shape.additional)) } : {}),
      };
    }
    const prefixes = keywordValues<unknown[]>(conj, 'prefixItems');
    const items = keywordValues(conj, 'items').filter(({ value }) => typeof value === 'object' && value !== null);
    if (prefixes.length > 0 || items.length > 0) {
      const longest = Math.max(0, ...prefixes.map(({ value }) => value.length));
      place.items = {
        prefix: Array.from({ length: longest }, (_, i) =>
          this.at(
            conjOf(
              this.ctx,
              prefixes.filter(({ value }) => i < value.length).map(({ node }) => child(node, 'prefixItems', i)),
            ),
          ),
        ),
        ...(items.length > 0
          ? {
              rest: this.at(
                conjOf(
                  this.ctx,
                  items.map(({ node }) => child(node, 'items')),
                ),
              ),
            }
          : {}),
      };
    }
    return place;
  }

  /** A union place with the branches a value matched opened: one conjunction per set of branches. */
  chosen(place: Place, branches: Node[]): Place {
    const u = place.union!;
    // every value at the place asks again: the conjunction (and its key) made once per set of branches
    const key = branches.map((b) => u.branches.indexOf(b)).join(',');
    let opened = u.opened.get(key);
    if (!opened) u.opened.set(key, (opened = this.at(conjOf(this.ctx, [...place.conj.roots, ...branches], u.expanded))));
    return opened;
  }
}

const places = new WeakMap<Context, Places>();
function placesOf(ctx: Context): Places {
  let p = places.get(ctx);
  if (!p) places.set(ctx, (p = new Places(ctx)));
  return p;
}

/** The walk's shortcuts, each of which must change no answer: a test turns one off and compares. */
export const SHORTCUTS = { typeRefutes: true, scalars: true, trustValid: true };

const branchTypes = new WeakMap<Node, ReadonlySet<unknown> | null>();

/**
 * The values of `type` a branch allows, where it says so plainly: a
 * `properties.type` with `const` or `enum`, its own or through `$ref` (which
 * applies beside the rest); null where it does not say.
 */
function typesOfBranch(ctx: Context, branch: Node): ReadonlySet<unknown> | null {
  const known = branchTypes.get(branch);
  if (known !== undefined) return known;
  let found: ReadonlySet<unknown> | null = null;
  let n: Node = branch;
  for (let hops = 0; hops < 8 && found === null; hops++) {
    const s = n.schema as Record<string, any> | boolean;
    if (typeof s !== 'object' || s === null) break;
    const t = s.properties?.type;
    if (t && typeof t === 'object' && 'const' in t) found = new Set([t.const]);
    else if (t && typeof t === 'object' && Array.isArray(t.enum)) found = new Set(t.enum);
    else if (typeof s.$ref === 'string') n = ctx.resolve(n, s.$ref);
    else break;
  }
  branchTypes.set(branch, found);
  return found;
}

/**
 * A branch whose own `type` keyword leaves out an object's (or an array's)
 * JSON type cannot match it, nor can a `false` one. A branch that names the
 * `type` member with other values than the value's own can match
 * neither as the value is nor with unnamed members set aside (it names
 * `type`, which stays): decided without its validator, which a stream's every
 * item and part would otherwise run once for each branch, twice when it fails.
 */
function refutedByType(ctx: Context, branch: Node, v: Json): boolean {
  if (!SHORTCUTS.typeRefutes) return false;
  // the other half of a nullable member (`anyOf: [X, {type: 'null'}]`) never matches an object or an array
  const s = branch.schema as Record<string, unknown> | boolean;
  if (s === false) return true;
  const kind = Array.isArray(v) ? 'array' : isPlainObject(v) ? 'object' : undefined;
  if (kind && typeof s === 'object' && s !== null && s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).includes(kind)) return true;
  if (!isPlainObject(v) || !Object.hasOwn(v, 'type')) return false;
  const type = (v as Record<string, Json>).type;
  // a set finds a scalar as JSON Schema compares it (0 is -0); an object or array equal to a branch's is another object, so no shortcut
  if (type !== null && typeof type === 'object') return false;
  const types = typesOfBranch(ctx, branch);
  return types !== null && !types.has(type);
}

/** How one walk goes: what it trusts, whether it builds the named value, and the path it is at (one array, pushed and popped). */
interface Walk {
  all: Places;
  /** Only the unnamed members are wanted: the value is handed back as it is. */
  build: boolean;
  at: string[];
}

/**
 * `valid`: the value at this place is known to satisfy the place's schemas as
 * it is (the caller validated the whole, and every step down (a property, an
 * item, a branch) keeps that). A union then has exactly one branch its `type`
 * does not refute, or none matches as the value is: that one is the branch
 * its validators would choose, so they are not run. Below a map the walk
 * stops trusting: a keyword of one's own (patternProperties, say) may take a
 * member from `additionalProperties`.
 */
function walk(w: Walk, place: Place, v: Json, out: UnnamedMember[], valid = false): Json {
  // a scalar has no members: whichever branch a union chose, it is itself
  if (SHORTCUTS.scalars && (v === null || typeof v !== 'object')) return v;
  const { all, at } = w;
  if (place.union) {
    const { keyword, branches } = place.union;
    if (valid) {
      const open = branches.filter((b) => !refutedByType(all.ctx, b, v));
      if (open.length === 1) return walk(w, all.chosen(place, open), v, out, true);
    }
    // a branch matches as the value is, or (a closed branch) once the members it does not name are set aside
    const matches = (b: Node) =>
      !refutedByType(all.ctx, b, v) && (all.ctx.validator(b)(v) || all.ctx.validator(b)(walk({ all, build: true, at }, all.chosen(place, [b]), v, [])));
    const matching = branches.filter(matches);
    const chosen = keyword === 'oneOf' && matching.length > 1 ? [] : matching;
    // a branch chosen once members were set aside does not hold of the value as it is: below, nothing is trusted
    return walk(w, all.chosen(place, chosen), v, out);
  }
  if (Array.isArray(v)) {
    const items = place.items;
    if (!items) return v;
    const named = w.build ? new Array<Json>(v.length) : undefined;
    for (let i = 0; i < v.length; i++) {
      const p = items.prefix[i] ?? items.rest;
      at.push(String(i));
      const x = p ? walk(w, p, v[i]!, out, valid) : v[i]!;
      at.pop();
      if (named) named[i] = x;
    }
    return named ?? v;
  }
  if (!isPlainObject(v) || !place.object) return v;
  const { properties, required, map } = place.object;
  const o = v as Record<string, Json>;
  const entries: [string, Json][] | undefined = w.build ? [] : undefined;
  // named members in the schema's order, then a map's in the value's: the order a canonical writer keeps
  for (const [k, p] of properties) {
    if (!Object.hasOwn(o, k)) continue;
    at.push(k);
    const x = walk(w, p, o[k]!, out, valid);
    at.pop();
    entries?.push([k, x]);
  }
  let here: string[] | undefined;
  for (const k of Object.keys(o)) {
    if (properties.has(k)) continue;
    if (map) {
      at.push(k);
      const x = walk(w, map, o[k]!, out);
      at.pop();
      entries?.push([k, x]);
    } else if (required.has(k)) entries?.push([k, o[k]!]);
    else out.push({ at: (here ??= at.slice()), name: k });
  }
  return entries ? objectFrom(entries) : v;
}
