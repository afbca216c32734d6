import type { Lemma, Profile } from '../language/lemma.js';

/** The lemma as `--profile NAME` checks it: the profile's hypotheses in place of the lemma's, and its instance count. */
export function profiledLemma(lemma: Lemma, name: string): { lemma: Lemma; profile: Profile } {
  const profile = lemma.profiles[name];
  if (!profile) {
    const known = Object.keys(lemma.profiles);
    throw new Error(`lemma ${lemma.id} has no profile '${name}' (${known.length ? `it has: ${known.join(', ')}` : 'it has none'})`);
  }
  return { lemma: { ...lemma, hypotheses: { ...lemma.hypotheses, ...profile.hypotheses }, runs: profile.runs }, profile };
}

/** What the report's domain says of the profile, beside the hypotheses it replaced. */
export function profileDomain(name: string, profile: Profile): string {
  const ladder = profile.refine === false ? '; checked in float intervals only, not refined' : '';
  return `--profile ${name}: ${profile.description}; counterexamples are not shrunk and relaxed hypotheses are not searched under it${ladder}`;
}
