import { supportsColor } from 'chalk';
import type { ColorLevel } from '../reporters/console.js';

/**
 * --no-color wins; then FORCE_COLOR (as in Node itself, it overrides NO_COLOR);
 * then NO_COLOR; then colour only on a terminal that supports it.
 */
export function resolveColorLevel(input: { colorFlag: boolean; env: NodeJS.ProcessEnv; isTTY: boolean }): ColorLevel {
  if (!input.colorFlag) return 0;
  const force = input.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    if (Number.isNaN(level)) return 1;
    return Math.max(0, Math.min(3, level)) as ColorLevel;
  }
  if (input.env.NO_COLOR !== undefined && input.env.NO_COLOR !== '') return 0;
  if (!input.isTTY) return 0;
  return supportsColor ? (supportsColor.level as ColorLevel) : 0;
}
