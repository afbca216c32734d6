import { readFileSync } from 'node:fs';

/** Whether the source names `id` as a string literal ('id', "id" or `id`). */
function mentions(source: string, id: string): boolean {
  return ["'", '"', '`'].some((quote) => source.includes(`${quote}${id}${quote}`));
}

/**
 * The proof files worth loading for `--lemma` ids: those whose source names
 * an id as a string literal, so a one-lemma run does not start a worker for
 * every file. When some id is named nowhere (an id built at run time, or a
 * typo), every file is loaded, so the error can list the ids that exist.
 */
export function proofFilesFor(files: readonly string[], ids: readonly string[]): string[] {
  if (ids.length === 0) return [...files];
  const sources = files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  });
  const chosen = files.filter((_, k) => sources[k] === null || ids.some((id) => mentions(sources[k]!, id)));
  const everyIdFound = ids.every((id) => sources.some((source) => source !== null && mentions(source, id)));
  return everyIdFound ? chosen : [...files];
}
