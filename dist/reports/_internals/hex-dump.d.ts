/** Offset, sixteen bytes in hex, and their ASCII (dots for the rest): how people read bytes. */
export declare function hexDump(bytes: Uint8Array, maxBytes?: number): string;
