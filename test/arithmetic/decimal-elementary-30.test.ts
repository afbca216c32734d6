import { describe, expect, it } from 'vitest';
import { PRECISIONS } from './decimal-reference.js';
import { describeElementaryAt } from './decimal-elementary-cases.js';

describeElementaryAt(PRECISIONS[0]);

describe('the elementary-function test files', () => {
  it('cover every precision of PRECISIONS, one file each (30, 60, 120)', () => {
    expect(PRECISIONS).toEqual([30, 60, 120]);
  });
});
