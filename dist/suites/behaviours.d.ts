import type { AdapterError, ParseOutcome, SerializeOutcome } from '../core/contract.js';
import { type Answer } from '../core/json.js';
import type { Observed } from '../core/check.js';
/** A refusal, by who refused and how. */
export declare function refusal(error: AdapterError, documented?: string): string;
/** The exact decimal value of a number literal, written one way: `-0`, `1e-7`, `9007199254740993`. */
export declare function canonicalNumber(text: string): string | undefined;
/** What a parse made of one field of an implementation-defined payload, against the literal sent. */
export declare function parsedNumber(o: ParseOutcome, field: string, literal: string): Observed;
export declare function parsedString(o: ParseOutcome, field: string, sent: string): Observed;
/** Which of two values given for one key a parser kept. */
export declare function parsedDuplicate(o: ParseOutcome, field: string, first: Answer, second: Answer): Observed;
/**
 * What an accepting parser made of one field, when what it should hold is
 * not fixed: a number by its value against the literal sent, a string by
 * what it became.
 */
export declare function acceptedAs(o: ParseOutcome, field: string, literal?: string): string;
/** The raw text a serializer wrote for one member: `-0`, `1.0`, `"a\u003cb"`. */
export declare function memberText(output: string, field: string): string | undefined;
/**
 * What a serializer wrote, classed: a refusal (`at parse` when the parse
 * before it refused), output that is not JSON (always named so: it is a
 * failure elsewhere too), or the class `name` gives the text.
 */
export declare function wrote(o: SerializeOutcome, name: (text: string) => string, refusedAt?: string): Observed;
