import { describeThrown, failure, type SseOutcome } from '../../core/contract.js';

type EventStreamClass = new (
  body: ReadableStream<Uint8Array>,
  parse: (m: { data?: string; event?: string | null }) => IteratorResult<{ data?: string; event?: string | null }, undefined>,
) => AsyncIterable<{ data?: string; event?: string | null }>;

/**
 * The SDK's own text/event-stream decoder (lib/event-streams.js), fed the
 * chunks one read at a time, as a fetch body delivers them. The SDK's
 * callers stop at "[DONE]" in their parse callback; this one keeps every event.
 */
export async function decodeWithEventStream(alias: string, chunks: Uint8Array[]): Promise<SseOutcome> {
  const { EventStream } = (await import(`${alias}/lib/event-streams.js`)) as { EventStream: EventStreamClass };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  try {
    const events = [];
    for await (const m of new EventStream(body, (m) => ({ done: false, value: m }))) events.push({ event: m.event ?? null, data: m.data ?? '' });
    return { ok: true, events };
  } catch (e) {
    return failure('exception', describeThrown(e));
  }
}
