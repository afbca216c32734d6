import type { Lemma } from '../src/language/lemma.js';
import { proveStep } from '../src/prover/prove-step.js';
import { sharpBracket } from '../src/prover/sharp-hypothesis.js';
import type { Figure, Section } from './measure.js';
import logisticLoss from '../proofs/logistic-loss.js';
import lemma94 from '../proofs/lemma-9.4.js';
import lemma101 from '../proofs/lemma-10.1.js';
import thm101 from '../proofs/thm-10.1.js';
import prop101 from '../proofs/prop-10.1.js';
import margins from '../proofs/margins.js';

const LEMMAS: Lemma[] = [logisticLoss, lemma94, lemma101, thm101, prop101, margins];

/**
 * The whole-domain prover's cost per declared step: wall time of one proof
 * (or failing-set scan), its box count as the baseline (boxes are the budget's
 * unit), and ms per box as the ratio. The total is what the audit spends on proofs.
 */
export const proverSection: Section = {
  name: 'whole-domain prover (ms per step; baseline = boxes)',
  run() {
    const out: Record<string, Figure> = {};
    let totalMs = 0;
    let totalBoxes = 0;
    for (const lemma of LEMMAS) {
      for (const [id, spec] of Object.entries(lemma.wholeDomain)) {
        const check = lemma.checks.find((c) => c.id === id)!;
        const t0 = performance.now();
        const report = proveStep(check, spec);
        const ms = performance.now() - t0;
        const boxes = report.boxes + (report.failingSet && report.method !== 'failing set' ? report.failingSet.boxes : 0) + (report.failingSets ?? []).reduce((b, f) => b + f.boxes, 0);
        totalMs += ms;
        totalBoxes += boxes;
        out[`prover ${lemma.id} ${id} (${report.verdict})`] = { value: ms, baseline: boxes, ratio: boxes ? ms / boxes : 0, unit: 'ms' };
      }
    }
    // Sharp hypotheses: the certified bisection of the relaxed parameter (every probe a whole-domain proof or refutation).
    for (const lemma of LEMMAS) {
      lemma.relaxations.forEach((relaxation, k) => {
        if (!relaxation.sharp) return;
        const t0 = performance.now();
        const report = sharpBracket(relaxation.sharp);
        const ms = performance.now() - t0;
        totalMs += ms;
        totalBoxes += report.boxes;
        out[`prover ${lemma.id} relaxation ${k + 1} sharp ${report.parameter} (${report.verdict}, ${report.probes} probes)`] = { value: ms, baseline: report.boxes, ratio: report.boxes ? ms / report.boxes : 0, unit: 'ms' };
      });
    }
    out['prover total (every declared step and sharp bracket)'] = { value: totalMs, baseline: totalBoxes, ratio: totalBoxes ? totalMs / totalBoxes : 0, unit: 'ms' };
    return out;
  },
};
