import * as fc from 'fast-check';
import { loadSchemaSet, findModel } from './core/models.js';
import { validValues, breakers } from './arbitraries/index.js';
const [file, title = 'E'] = process.argv.slice(2);
const t = Date.now();
try {
  const set = loadSchemaSet([file!]);
  const m = findModel(set, title); console.log('loaded', Date.now() - t);
  const arb = validValues(set, m.id);
  console.log('compiled', Date.now() - t);
  const s = fc.sample(arb, { numRuns: 100, seed: 1 });
  console.log('sampled', s.length, JSON.stringify(s[5]).slice(0, 100), Date.now() - t);
  const b = breakers(set, m.id);
  for (const x of b) fc.sample(x.arbitrary, { numRuns: 20, seed: 2 });
  console.log('breakers', b.length, Date.now() - t);
} catch (e) { console.log('ERR', (e as Error).name, (e as Error).message.slice(0, 300)); }
