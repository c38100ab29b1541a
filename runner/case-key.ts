/**
 * A case's content as a string, equal for two cases exactly when an adapter
 * is given the same thing for each: key order counts (it is in the bytes
 * sent), `-0` is not `0`, bytes are bytes. Undefined for a case holding
 * anything else (a function, a class instance): such a case has no key and is
 * always asked.
 */
export function caseKey(v: unknown): string | undefined {
  const out: string[] = [];
  return write(v, out) ? out.join('') : undefined;
}

function write(v: unknown, out: string[]): boolean {
  switch (typeof v) {
    case 'string':
      out.push('s', JSON.stringify(v));
      return true;
    case 'number':
      out.push('n', Object.is(v, -0) ? '-0' : String(v), ';');
      return true;
    case 'bigint':
      out.push('b', String(v), ';');
      return true;
    case 'boolean':
      out.push(v ? 't' : 'f');
      return true;
    case 'undefined':
      out.push('u');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) {
    out.push('z');
    return true;
  }
  if (v instanceof Uint8Array) {
    out.push('B', Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'), ';');
    return true;
  }
  if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) return false;
      if (!write(v[i], out)) return false;
      out.push(',');
    }
    out.push(']');
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(v).length > 0) return false;
  out.push('{');
  for (const k of Object.keys(v)) {
    out.push(JSON.stringify(k), ':');
    if (!write((v as Record<string, unknown>)[k], out)) return false;
    out.push(',');
  }
  out.push('}');
  return true;
}
