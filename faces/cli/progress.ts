/**
 * One line on stderr: rewritten in place on a terminal, printed every tenth
 * of the way (and on each new adapter) in a CI log, so a log stays readable.
 */
export function progressLine(stream: NodeJS.WriteStream, enabled: boolean) {
  const tty = stream.isTTY === true;
  const started = Date.now();
  let lastDecile = -1;
  // adapters run at once take turns in `current`: a line when one is first seen, not at every turn
  const seen = new Set<string>();
  return (done: number, total: number, current: string) => {
    if (!enabled || total === 0) return;
    const pct = Math.floor((done / total) * 100);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const line = `[${String(done).padStart(String(total).length)}/${total}] ${String(pct).padStart(3)}% ${secs}s ${current}`;
    if (tty) {
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      if (done === total) stream.write('\n');
      return;
    }
    const decile = Math.floor(pct / 10);
    const adapter = current.split(' ')[0] ?? '';
    if (decile !== lastDecile || (adapter && !seen.has(adapter)) || done === total) {
      stream.write(`${line}\n`);
      lastDecile = decile;
      if (adapter) seen.add(adapter);
    }
  };
}
