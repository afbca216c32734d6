import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InstanceFileError, compareSquaredNormWithOne, parseInstance, readInstanceFile } from '../../src/io/instance-file.js';

const dir = mkdtempSync(join(tmpdir(), 'lemmacheck-instance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The error thrown by reading `text` as an instance file (fails the test if none). */
function errorOf(text: string): InstanceFileError {
  try {
    readInstanceFile(file('case.json', text));
  } catch (e) {
    expect(e).toBeInstanceOf(InstanceFileError);
    const err = e as InstanceFileError;
    expect(err.message).not.toMatch(/\n/);
    return err;
  }
  throw new Error(`no error for ${text}`);
}

describe('instance files', () => {
  it('loads a valid file exactly', () => {
    const data = readInstanceFile(file('ok.json', '{ "X": [[0.6, 0.7], [-0.1, 0], [1, 0]], "y": [1, -1, 1], "comment": "ok" }'));
    expect(data).toEqual({ X: [[0.6, 0.7], [-0.1, 0], [1, 0]], y: [1, -1, 1] });
  });

  it('rejects unreadable files and invalid JSON with one-line messages', () => {
    expect(() => readInstanceFile(join(dir, 'missing.json'))).toThrow(/cannot read the file \(ENOENT\)/);
    expect(errorOf('{ "X": [[0.1]], "y": [1] ').message).toMatch(/invalid JSON/);
    expect(errorOf('').message).toMatch(/invalid JSON/);
  });

  it('rejects wrong shapes', () => {
    expect(errorOf('[1, 2]').message).toMatch(/expected an object/);
    expect(errorOf('{ "y": [1] }').message).toMatch(/missing "X"/);
    expect(errorOf('{ "X": [[0.1]] }').message).toMatch(/missing "y"/);
    expect(errorOf('{ "X": 3, "y": [1] }').message).toMatch(/"X" must be an array/);
    expect(errorOf('{ "X": [[0.1]], "y": 1 }').message).toMatch(/"y" must be an array/);
    expect(errorOf('{ "X": [0.1, 0.2], "y": [1, 1] }').message).toMatch(/X\[0\] must be an array/);
    expect(errorOf('{ "X": [[0.1, 0.2], [0.3]], "y": [1, 1] }').message).toMatch(/X\[1\] has 1 coordinates but X\[0\] has 2/);
    expect(errorOf('{ "X": [[0.1], [0.2]], "y": [1] }').message).toMatch(/2 points but "y" has 1 labels/);
    expect(errorOf('{ "X": [[]], "y": [1] }').message).toMatch(/X\[0\] is empty/);
  });

  it('rejects empty data', () => {
    expect(errorOf('{ "X": [], "y": [] }').message).toMatch(/empty data/);
  });

  it('rejects non-numbers and non-finite numbers', () => {
    expect(errorOf('{ "X": [["0.5"]], "y": [1] }').message).toMatch(/X\[0\]\[0\] must be a number, got the string "0.5"/);
    expect(errorOf('{ "X": [[null]], "y": [1] }').message).toMatch(/X\[0\]\[0\] must be a number, got null/);
    expect(errorOf('{ "X": [[1e400]], "y": [1] }').message).toMatch(/X\[0\]\[0\] is not a finite double/);
  });

  it('rejects labels other than ±1', () => {
    expect(errorOf('{ "X": [[0.1]], "y": [0] }').message).toMatch(/y\[0\] must be 1 or -1, got number 0/);
    expect(errorOf('{ "X": [[0.1]], "y": [2] }').message).toMatch(/y\[0\] must be 1 or -1/);
    expect(errorOf('{ "X": [[0.1]], "y": ["1"] }').message).toMatch(/y\[0\] must be 1 or -1, got the string "1"/);
    expect(errorOf('{ "X": [[0.1]], "y": [true] }').message).toMatch(/y\[0\] must be 1 or -1/);
    expect(errorOf('{ "X": [[0.1]], "y": [1.0000000000000002] }').message).toMatch(/y\[0\] must be 1 or -1/);
  });

  it('decides ‖x‖ ≤ 1 exactly, also where floats cannot', () => {
    // 1 + 2^−60 rounds to 1 in floats but is > 1.
    expect(compareSquaredNormWithOne([1, 2 ** -30])).toBe(1);
    expect(compareSquaredNormWithOne([1, 0])).toBe(0);
    expect(compareSquaredNormWithOne([-1])).toBe(0);
    expect(compareSquaredNormWithOne([0.5, 0.5])).toBe(-1);
    expect(compareSquaredNormWithOne([2 ** -1074, 1])).toBe(1);
    expect(compareSquaredNormWithOne([1e300])).toBe(1);
    // 0.6² + 0.8² for the doubles nearest 0.6 and 0.8, against an independent BigInt evaluation.
    const m6 = 5404319552844595n; // 0.6 = m6·2^−53
    const m8 = 7205759403792794n; // 0.8 = m8·2^−53
    expect(0.6).toBe(Number(m6) * 2 ** -53);
    expect(0.8).toBe(Number(m8) * 2 ** -53);
    const exact = m6 * m6 + m8 * m8 - (1n << 106n);
    expect(compareSquaredNormWithOne([0.6, 0.8])).toBe(exact > 0n ? 1 : exact < 0n ? -1 : 0);
    expect(errorOf('{ "X": [[1, 9.313225746154785e-10]], "y": [1] }').message).toMatch(/‖X\[0\]‖ > 1/);
    expect(() => parseInstance({ X: [[1, 0]], y: [1] })).not.toThrow();
    expect(() => parseInstance({ X: [[3]], y: [1] }, 'x', { requireUnitBall: false })).not.toThrow();
  });
});
