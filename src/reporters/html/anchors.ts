/**
 * Stable anchors: built from the lemma and step ids only (never from an
 * order or a count), so a link to a step keeps working across runs and seeds.
 */
export const lemmaAnchor = (lemmaId: string): string => `lemma-${slug(lemmaId)}`;

export const stepAnchor = (lemmaId: string, stepId: string): string => `${slug(lemmaId)}--${slug(stepId)}`;

export const chainAnchor = (lemmaId: string, chainId: string): string => `${slug(lemmaId)}--chain-${slug(chainId)}`;

/** Ids keep letters, digits, '.', '-' and '_'; anything else (a prime in "t'", a space) becomes '_'. */
function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
