import { writeFileSync } from 'node:fs';
import { randomSeparableData } from '../src/domains/random-separable.js';

/**
 * Writes an --instance file of random separable points (as the bench's data):
 * tsx bench/instance-file.ts N D SEED OUT.json. Large data sets are generated,
 * not committed.
 */
const [n = '10000', d = '10', seed = '1', out = 'instance.json'] = process.argv.slice(2);
const data = randomSeparableData(Number(n), Number(d), Number(seed));
writeFileSync(out, JSON.stringify({ X: data.X, y: data.y }));
console.log(`${out}: ${data.X.length} points in d = ${d}, seed ${seed}`);
