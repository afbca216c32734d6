import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proofFilesFor } from '../../src/cli/select-proof-files.js';

let dir: string;
const files: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lemmacheck-select-'));
  const sources: Record<string, string> = {
    'a.ts': "export default defineLemma({ id: 'alpha', title: 'uses beta-like text: beta' });",
    'b.ts': 'export default [defineLemma({ id: "beta" }), defineLemma({ id: `gamma` })];',
    'c.ts': "export default defineLemma({ id: 'alpha' }); // a duplicate id must still be seen",
    'd.ts': 'for (;;) {} // hangs: must not be loaded for a lemma it does not name',
  };
  for (const [name, text] of Object.entries(sources)) {
    await writeFile(join(dir, name), text);
    files.push(join(dir, name));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('which proof files a --lemma run loads', () => {
  it('loads every file without --lemma', () => {
    expect(proofFilesFor(files, [])).toEqual(files);
  });

  it('loads only the files that name a selected id as a string literal, duplicates included', () => {
    const names = (ids: string[]) => proofFilesFor(files, ids).map((f) => f.slice(dir.length + 1));
    expect(names(['beta'])).toEqual(['b.ts']);
    expect(names(['gamma'])).toEqual(['b.ts']);
    expect(names(['alpha'])).toEqual(['a.ts', 'c.ts']);
    expect(names(['alpha', 'gamma'])).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });

  it('loads every file when an id is named nowhere, so the error can list the known ids', () => {
    expect(proofFilesFor(files, ['beta', 'no-such-lemma'])).toEqual(files);
  });
});
