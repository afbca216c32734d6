import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { V8_TIERING_FLAGS } from '../../src/cli/v8-tiering.js';

// V8 ignores an unknown flag given to setFlagsFromString: a renamed flag would silently stop applying.
describe('the V8 tier-up flags the command line sets', () => {
  it("are flags this Node's V8 knows, with integer values", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of V8_TIERING_FLAGS) {
      const [name, value] = flag.split('=');
      expect(options).toContain(`\n  ${name} (`);
      expect(value).toMatch(/^\d+$/);
    }
  });
});
