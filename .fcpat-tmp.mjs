import * as fc from 'fast-check';
for (const n of [1000, 2000, 4096, 8192]) {
  const alts = Array.from({ length: n }, (_, i) => `w${i}`).join('|').slice(0, n);
  const nest = '('.repeat(n / 2 - 1) + 'a' + ')'.repeat(n / 2 - 1);
  for (const [name, p] of [['alts', alts], ['nest', nest], ['quant', 'a{1,9}'.repeat(n / 6)]]) {
    const t = Date.now();
    try { const r = new RegExp(p, 'u'); const s = fc.sample(fc.stringMatching(r), { numRuns: 50, seed: 1 }); s.every((x) => r.test(x)); console.log(n, name, 'ok', Date.now() - t, 'ms'); }
    catch (e) { console.log(n, name, 'ERR', e.message.slice(0, 80)); }
  }
}
