import { LosslessNumber, isPlainObject, jsonText, type Answer, type Json } from './json.js';

/**
 * Where an answer differs from the value meant, or undefined when it does
 * not. Numbers are equal when their float64 values are (ARCHITECTURE.md);
 * strings code unit by code unit; keys whose answer is undefined are absent.
 */
export function difference(expected: Json, actual: Answer | undefined, path = ''): string | undefined {
  const at = path === '' ? 'the value' : path;
  if (typeof expected === 'number') {
    const n = actual instanceof LosslessNumber ? Number(actual.toString()) : actual;
    if (typeof n !== 'number') return `${at}: expected the number ${show(expected)}, got ${show(actual)}`;
    return n === expected ? undefined : `${at}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected ? undefined : `${at}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${show(actual)}`;
    if (actual.length !== expected.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(expected[i]!, actual[i], `${path}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (!isPlainObject(actual)) return `${at}: expected an object, got ${show(actual)}`;
  for (const k of Object.keys(expected)) {
    if (!Object.hasOwn(actual, k) || actual[k] === undefined) return `${path}/${k}: missing from the answer`;
    const d = difference(expected[k]!, actual[k] as Answer, `${path}/${k}`);
    if (d) return d;
  }
  for (const k of Object.keys(actual)) {
    if (!Object.hasOwn(expected, k) && actual[k] !== undefined) return `${path}/${k}: not in the value, answered ${show(actual[k] as Answer)}`;
  }
  return undefined;
}

/** JSON text of an answer with its numbers as answered, for people to read. */
export function show(v: Answer | undefined): string {
  return jsonText(v, true);
}
