import type { Answer, Json } from '../../core/json.js';
import type { Model } from '../../core/models.js';
import { describeThrown, failure, type ParseOutcome, type SerializeOutcome } from '../../core/contract.js';

/** What Speakeasy generates per model: FromJSON returns a Result; ToJSON throws on invalid input. */
export interface SpeakeasyModule {
  fromJSON: (text: string) => { ok: true; value: Record<string, unknown> } | { ok: false; error: Error };
  toJSON?: (native: Record<string, unknown>) => string;
}

/** Speakeasy names a TypeScript field after the wire field in lower camel case. */
export const camel = (wire: string) => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The SDK's own validation errors; any other throw is an exception, a defect. */
const isSdkError = (e: unknown) => e instanceof Error && /ZodError|SDKValidationError/.test(e.name + e.constructor.name);

/**
 * Bytes reach a Speakeasy SDK as text decoded by the fetch stream, so they
 * are decoded here the same way: UTF-8 with replacement, never fatal.
 */
export class SpeakeasyModel {
  constructor(
    readonly model: Model,
    readonly mod: SpeakeasyModule,
  ) {}

  private render(native: Record<string, unknown>): Answer {
    const out: Record<string, Answer> = {};
    for (const wire of Object.keys(this.model.schema.properties ?? {})) {
      const v = native[camel(wire)];
      if (v !== undefined) out[wire] = v as Answer;
    }
    return out;
  }

  private native(value: Json): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) out[camel(k)] = v;
    }
    return out;
  }

  private decode(payload: Uint8Array): { ok: true; native: Record<string, unknown> } | { ok: false; error: ReturnType<typeof failure> } {
    try {
      const r = this.mod.fromJSON(new TextDecoder().decode(payload));
      if (!r.ok) return { ok: false, error: failure('parse_error', describeThrown(r.error)) };
      return { ok: true, native: r.value };
    } catch (e) {
      return { ok: false, error: failure('exception', describeThrown(e)) };
    }
  }

  parse(payload: Uint8Array): ParseOutcome {
    const d = this.decode(payload);
    if (!d.ok) return d.error;
    try {
      return { ok: true, value: this.render(d.native) };
    } catch (e) {
      return failure('exception', describeThrown(e));
    }
  }

  private write(native: Record<string, unknown>): SerializeOutcome {
    try {
      return { ok: true, bytes: new TextEncoder().encode(this.mod.toJSON!(native)) };
    } catch (e) {
      return failure(isSdkError(e) ? 'serialize_error' : 'exception', describeThrown(e));
    }
  }

  serialize(value: Json): SerializeOutcome {
    return this.write(this.native(value));
  }

  reserialize(payload: Uint8Array): SerializeOutcome {
    const d = this.decode(payload);
    return d.ok ? this.write(d.native) : d.error;
  }
}
