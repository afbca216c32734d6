import { readFileSync } from 'node:fs';
import type { Figure } from './measure.js';

/**
 * `npx tsx bench/grid-table.ts FILE`: the grid and model figures of a `npm run bench --
 * --json FILE` run as the README's markdown tables (ratio, relative width,
 * goal met or missed per point).
 */

const file = process.argv[2];
if (!file) throw new Error('usage: grid-table.ts FIGURES.json');
const figures = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Figure>;

const ratio = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(1)) + '×';
const goal = (f: Figure): string => (f.goal === undefined ? '' : f.met ? `≤ ${f.goal}×: met` : `≤ ${f.goal}×: **missed**`);
const sizes = (name: string): Record<string, string> => Object.fromEntries([...name.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));

function table(prefix: string, columns: string[], header: string): void {
  console.log(header);
  console.log(`| ${[...columns, 'ratio', 'relative width', 'goal', 'notes'].join(' | ')} |`);
  console.log(`|${' --- |'.repeat(columns.length + 4)}`);
  for (const [name, f] of Object.entries(figures)) {
    if (!name.startsWith(prefix + ' ')) continue;
    const s = sizes(name);
    const width = f.relativeWidth === undefined ? '' : f.relativeWidth.toExponential(1);
    console.log(`| ${[...columns.map((c) => s[c]), ratio(f.ratio), width, goal(f), f.note ?? ''].join(' | ')} |`);
  }
  console.log('');
}

table('grid.gd', ['n', 'd', 'm', 'steps'], 'Certified gradient descent (typed-array boxes) against a plain float loop of the same iteration:\n');
table('grid.gd.as-interval-values', ['n', 'd', 'm', 'steps'], 'The same trajectory converted to the evaluator\'s interval values, against the boxes alone:\n');
table('grid.flow', ['n', 'd', 'T'], 'Validated gradient flow against the non-validated RK45 (rtol 10⁻¹⁰); relative width is the larger of radius/‖w(T)‖ and the path length\'s:\n');
table('model.gradient', ['at', 'n', 'd', 'm'], 'The net written once, ∇R̂(W) in float intervals (preactivations included) against the plain float loop of ∇R̂, at a point W and on a box of relative radius 10⁻⁹:\n');
table('model.risk', ['at', 'n', 'd', 'm'], 'The same for R̂(W):\n');
