// What the Node harnesses share: how a reply keeps what the SDK produced, and how one payload is framed as a server
// frames an event. Imported by relative path: each harness installs its own packages, none of them this file.

/**
 * A reply as JSON text that keeps what the SDK produced: -0 stays -0 (JSON.stringify writes 0), and a
 * non-finite number, which JSON has not, is shown as a string so that it stays visible.
 */
export function jsonText(v) {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(String(v));
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  return `{${Object.entries(v)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`)
    .join(',')}}`;
}

export const write = (o) => process.stdout.write(jsonText(o) + '\n');

/**
 * The payload as one SSE event: each of its lines a `data:` line, as a server would frame it, then the blank line
 * that dispatches it and `after` (the stream's `data: [DONE]`, for an SDK that waits for it).
 */
export function sseOf(payload, after = '') {
  const lines = [];
  let start = 0;
  for (let i = 0; i < payload.length; i++) {
    if (payload[i] === 0x0a || payload[i] === 0x0d) {
      lines.push(payload.subarray(start, i));
      if (payload[i] === 0x0d && payload[i + 1] === 0x0a) i++;
      start = i + 1;
    }
  }
  lines.push(payload.subarray(start));
  return Buffer.concat([...lines.flatMap((l) => [Buffer.from('data: '), l, Buffer.from('\n')]), Buffer.from(`\n${after}`)]);
}

/** A response body that delivers an sse request's chunks (base64) one read at a time, as a network would. */
export function bodyOf(chunks) {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(new Uint8Array(Buffer.from(c, 'base64')));
      controller.close();
    },
  });
}
