import type { Json } from '../../core/json.js';
import { describeThrown, failure, type ParseOutcome, type SerializeOutcome, type UnionOutcome } from '../../core/contract.js';
import type { StreamUnion } from './stream-union.js';
import { inWireNames, nativeFor } from './wire-names.js';

/** The SDK's own validation errors; any other throw is an exception, a defect. */
const isSdkError = (e: unknown) => e instanceof Error && /ZodError|SDKValidationError/.test(e.name + e.constructor.name);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The payload as the program's JSON: the wire spelling of each field the SDK's value has (inWireNames). */
function wireOf(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
}

/**
 * Every operation through the SDK's stream-event union: parse and union read the payload as its streaming
 * `responses.send` reads an event; serialize builds the member of the event's type and writes it with that
 * member's writer; reserialize writes what the stream gave with the union's writer, as a gateway passes it on.
 */
export class SpeakeasyUnion {
  constructor(readonly union: StreamUnion) {}

  /** The member the union made of a value, or what it made instead (its Unknown fallback, or a value no member is). */
  private made(native: unknown): { type?: string; as: string; why?: string } {
    if (this.union.isUnknown?.(native)) {
      const why = this.union.whyRefused?.((native as { raw?: unknown }).raw);
      return { as: 'Unknown', ...(why ? { why } : {}) };
    }
    const type = isRecord(native) ? native.type : undefined;
    const member = typeof type === 'string' ? this.union.members.get(type) : undefined;
    return member ? { type: type as string, as: member.name } : { as: native === null ? 'null' : Array.isArray(native) ? 'array' : typeof native };
  }

  private async read(payload: Uint8Array): Promise<{ ok: true; native: unknown } | { ok: false; error: ReturnType<typeof failure> }> {
    try {
      return { ok: true, native: await this.union.read(payload) };
    } catch (e) {
      if (!isSdkError(e)) return { ok: false, error: failure('exception', describeThrown(e)) };
      // a zod union's error lists every member's issues, the member of the event's type among them: say its own
      const why = this.union.whyRefused?.(wireOf(payload));
      return { ok: false, error: failure('parse_error', why ? `${(e as Error).name}: no member of the union took it; ${why}` : describeThrown(e)) };
    }
  }

  async anyEvent(payload: Uint8Array): Promise<UnionOutcome> {
    const r = await this.read(payload);
    if (!r.ok) return r.error;
    try {
      return { ok: true, value: inWireNames(r.native, wireOf(payload)), as: this.made(r.native).as };
    } catch (e) {
      return failure('exception', describeThrown(e));
    }
  }

  async parse(type: string, payload: Uint8Array): Promise<ParseOutcome> {
    const r = await this.read(payload);
    if (!r.ok) return r.error;
    const made = this.made(r.native);
    if (made.type !== type) {
      return failure('parse_error', `the union made ${made.as}, not ${this.union.members.get(type)!.name}${made.why ? ` (${made.why})` : ''}`);
    }
    try {
      return { ok: true, value: inWireNames(r.native, wireOf(payload)) };
    } catch (e) {
      return failure('exception', describeThrown(e));
    }
  }

  private write(toJSON: (native: unknown) => string, native: unknown): SerializeOutcome {
    try {
      return { ok: true, bytes: new TextEncoder().encode(toJSON(native)) };
    } catch (e) {
      return failure(isSdkError(e) ? 'serialize_error' : 'exception', describeThrown(e));
    }
  }

  serialize(type: string, value: Json): SerializeOutcome {
    const member = this.union.members.get(type)!;
    return this.write(member.toJSON!, member.outbound ? nativeFor(member.outbound, value) : value);
  }

  async reserialize(payload: Uint8Array): Promise<SerializeOutcome> {
    const r = await this.read(payload);
    return r.ok ? this.write(this.union.toJSON!, r.native) : r.error;
  }
}
