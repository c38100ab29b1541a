// An SDK whose event types are TypeScript declarations only (openai on npm) hands a program JSON.parse's object,
// which the program reads through the declared types. What those types declare is read here from the package's own
// .d.ts with the TypeScript checker, as a graph of plain data (a harness caches it: building a program over an SDK's
// declarations takes seconds), and a value is rendered through it: at every depth, the members its type declares.

/**
 * The graph of what `unionName` (a union of event interfaces, told apart by `type`) declares in `file`: per
 * member its interface name and `type` literal, and every type reachable from them as a node:
 * `{k:'any'}` (unknown, any, a function: nothing to narrow), `{k:'lit', v}` (null too), `{k:'undef'}` (an optional
 * member's absence), `{k:'prim'}`, `{k:'arr', of}`,
 * `{k:'union', of}`, `{k:'obj', props, index}` (props by wire name; index: a string index signature's type).
 */
export function declaredGraph(ts, file, unionName) {
  // strict: an optional member or `| null` is part of the type, as a program compiled strictly sees it
  const options = { strict: true, skipLibCheck: true, types: [], noEmit: true, lib: ['lib.es2020.d.ts'], target: ts.ScriptTarget.ES2020 };
  const program = ts.createProgram([file], options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source)?.exports?.get(unionName);
  if (!symbol) throw new Error(`${file} declares no ${unionName}`);
  const nodes = {};
  const ids = new Map();
  const visit = (t) => {
    if (ids.has(t)) return ids.get(t);
    const id = String(ids.size);
    ids.set(t, id);
    nodes[id] = describe(t);
    return id;
  };
  const F = ts.TypeFlags;
  const describe = (t) => {
    if (t.flags & (F.Any | F.Unknown | F.TypeParameter)) return { k: 'any' };
    if (t.isUnion()) return { k: 'union', of: t.types.map(visit) };
    if (t.isStringLiteral() || t.isNumberLiteral()) return { k: 'lit', v: t.value };
    if (t.flags & F.BooleanLiteral) return { k: 'lit', v: checker.typeToString(t) === 'true' };
    if (t.flags & F.Null) return { k: 'lit', v: null };
    if (t.flags & (F.Undefined | F.Void)) return { k: 'undef' };
    if (t.flags & (F.String | F.Number | F.Boolean | F.BigInt | F.ESSymbol | F.Never)) return { k: 'prim' };
    if (checker.isArrayType(t)) return { k: 'arr', of: visit(checker.getTypeArguments(t)[0]) };
    if (checker.isTupleType(t) || t.getCallSignatures().length) return { k: 'any' };
    if (t.flags & (F.Object | F.Intersection)) {
      const node = { k: 'obj', props: {} };
      for (const p of checker.getPropertiesOfType(t)) node.props[p.name] = visit(checker.getTypeOfSymbol(p));
      const index = checker.getIndexInfosOfType(t).find((i) => i.keyType.flags & F.String);
      if (index) node.index = visit(index.type);
      return node;
    }
    return { k: 'any' };
  };
  const members = {};
  for (const m of checker.getDeclaredTypeOfSymbol(symbol).types) {
    const tag = m.getProperty('type');
    const literal = tag && checker.getTypeOfSymbol(tag);
    if (literal?.isStringLiteral()) members[literal.value] = { name: checker.typeToString(m), node: visit(m) };
  }
  return { members, nodes };
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The node's alternatives, unions flattened. */
function alternatives(graph, id, out = []) {
  const n = graph.nodes[id];
  if (n.k === 'union') for (const x of n.of) alternatives(graph, x, out);
  else out.push(n);
  return out;
}

/** Whether a value can be the object type `n`: each member whose type is literals holds one of them (how TypeScript narrows). */
function fits(graph, n, value) {
  for (const [name, id] of Object.entries(n.props)) {
    const alts = alternatives(graph, id);
    const defined = alts.filter((a) => a.k !== 'undef');
    if (!defined.length || !defined.every((a) => a.k === 'lit')) continue;
    const v = Object.hasOwn(value, name) ? value[name] : undefined;
    if (v === undefined ? defined.length === alts.length : !defined.some((a) => a.v === v)) return false;
  }
  return true;
}

/**
 * The value as a program reads it through node `id`: an object keeps the members its type declares (of every
 * object type the value can be, narrowed by their literal members as a program's `switch (x.type)` narrows), at
 * every depth; a value its type does not describe (a string where an object is declared) is what JSON.parse gave.
 */
export function renderDeclared(graph, id, value) {
  const alts = alternatives(graph, id);
  if (alts.some((a) => a.k === 'any')) return value;
  if (Array.isArray(value)) {
    const arrays = alts.filter((a) => a.k === 'arr');
    return arrays.length ? value.map((x) => renderDeclared(graph, arrays[0].of, x)) : value;
  }
  if (!isObject(value)) return value;
  const objects = alts.filter((a) => a.k === 'obj');
  if (!objects.length) return value;
  const narrowed = objects.filter((n) => fits(graph, n, value));
  const types = narrowed.length ? narrowed : objects;
  const out = {};
  for (const [key, x] of Object.entries(value)) {
    // own members only: a payload's `constructor` is no member Object.prototype declares
    const declared = types.map((n) => (Object.hasOwn(n.props, key) ? n.props[key] : n.index)).filter((p) => p !== undefined);
    if (declared.length) out[key] = renderDeclared(graph, declared[0], x);
  }
  return out;
}
