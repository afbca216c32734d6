import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LONGEST_FILES } from './longest-first.js';

describe('the test order', () => {
  it('names only files that exist (a renamed file would silently lose its early start)', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    expect(LONGEST_FILES.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });
});
