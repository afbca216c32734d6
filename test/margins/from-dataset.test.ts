import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnsuitableDatasetError } from '../../src/models/dataset.js';
import type { Lemma } from '../../src/language/lemma.js';
import prop101 from '../../proofs/prop-10.1.js';
import margins from '../../proofs/margins.js';
import prop102 from '../../proofs/prop-10.2.js';
import lemma101 from '../../proofs/lemma-10.1.js';
import thm101 from '../../proofs/thm-10.1.js';
import { verdictsAt } from './verdicts.js';

/** A user's data set, as `--instance data.json` gives it. */
const user = { X: [[0.6, 0.8], [0.1, -0.9], [-0.5, 0.2]], y: [1, -1, -1] };

describe.each([
  ['prop-10.1', prop101],
  ['margins', margins],
  ['prop-10.2', prop102],
  ['lemma-10.1', lemma101],
  ['thm-10.1', thm101],
] as [string, Lemma][])('%s on a user data set', (_id, lemma) => {
  it('generates instances on exactly that data, and every step evaluates', () => {
    const instances = fc.sample(lemma.fromDataset!(user), { seed: 3, numRuns: 4 });
    for (const instance of instances) {
      expect(JSON.stringify(instance)).toContain(JSON.stringify(user.X));
      const verdicts = verdictsAt(lemma, instance);
      expect(Object.values(verdicts)).not.toContain('error');
    }
  });
});

describe('non-separable user data', () => {
  const xor = { X: [[1, 0], [-1, 0]], y: [1, 1] };
  it('is refused up front by every data-set lemma (they all need γ̄ > 0), naming the requirement, not at each instance', () => {
    for (const lemma of [prop101, margins, prop102, lemma101, thm101]) {
      let error: unknown;
      try {
        lemma.fromDataset!(xor);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(UnsuitableDatasetError);
      expect(error).toMatchObject({ requirement: 'linearly separable data', reason: expect.stringMatching(/^the data are not linearly separable \(certified/) });
    }
  });
});
