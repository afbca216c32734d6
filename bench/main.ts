import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arithmeticSection } from './arithmetic.js';
import { decimalSection } from './decimal.js';
import { refinementSection } from './refinement.js';
import { marginSection } from './margin.js';
import type { Figure, Section } from './measure.js';
import { gridSection } from './grid.js';
import { reluTrajectorySection } from './relu-trajectory.js';
import { proverSection } from './prover.js';
import { reluNetModelSection } from './relu-net-model.js';

/**
 * `npm run bench [-- --json FILE] [--section PREFIX] [--full]`: runs every
 * section (or those whose name starts with PREFIX) and prints its figures;
 * with --json, merges them by name into FILE (created if missing), so later
 * runs and later sections add to the same file. Add new sections to the list.
 */
const sections: Section[] = [arithmeticSection, decimalSection, refinementSection, reluNetModelSection, marginSection, reluTrajectorySection, gridSection, proverSection];

function jsonTarget(argv: string[]): string | null {
  const i = argv.indexOf('--json');
  if (i < 0) return null;
  const file = argv[i + 1];
  if (!file) throw new Error('--json needs a file name');
  return file;
}

function format(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const target = jsonTarget(argv);
  const only = argv.includes('--section') ? argv[argv.indexOf('--section') + 1] : undefined;
  const all: Record<string, Figure> = {};
  for (const section of sections) {
    if (only !== undefined && !section.name.startsWith(only)) continue;
    console.log(`\n## ${section.name}`);
    const figures = await section.run();
    for (const [name, f] of Object.entries(figures)) {
      const width = f.relativeWidth === undefined ? '' : `  rel. width ${f.relativeWidth.toExponential(1)}`;
      const goal = f.goal === undefined ? '' : `  goal ≤ ${f.goal}×: ${f.met ? 'met' : 'MISSED'}`;
      const note = f.note === undefined ? '' : `  (${f.note})`;
      console.log(`${name.padEnd(48)} ${format(f.value).padStart(10)} ${f.unit.padEnd(6)} baseline ${format(f.baseline).padStart(10)}  ratio ${format(f.ratio)}×${width}${goal}${note}`);
      all[name] = f;
    }
  }
  if (target) {
    const previous = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as Record<string, Figure>) : {};
    writeFileSync(target, JSON.stringify({ ...previous, ...all }, null, 2) + '\n');
    console.log(`\nwrote ${Object.keys(all).length} figures to ${target}`);
  }
}

await main();
