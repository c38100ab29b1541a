/** Offset, sixteen bytes in hex, and their ASCII (dots for the rest): how people read bytes. */
export function hexDump(bytes, maxBytes = 4096) {
    const lines = [];
    const n = Math.min(bytes.length, maxBytes);
    for (let off = 0; off < n; off += 16) {
        const row = bytes.subarray(off, Math.min(off + 16, n));
        const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
        const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
        lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
    }
    if (bytes.length > n)
        lines.push(`… ${bytes.length - n} more bytes (${bytes.length} in all)`);
    return lines.join('\n');
}
//# sourceMappingURL=hex-dump.js.map