import type { StepReport, StepSeries } from '../../checker/report.js';
import { html, type Raw } from './escape.js';
import { plotSeries } from './plot.js';

/** The side names in a legend: the checker's transcription, cut where it would wrap a plot's caption. */
const MAX_NAME = 70;
const shorten = (text: string): string => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text);

/** The parameter's value in an instance: the first numeric field of that name, at any depth. */
function parameterValue(instance: unknown, name: string): number | undefined {
  if (instance === null || typeof instance !== 'object') return undefined;
  for (const [key, value] of Object.entries(instance)) {
    if (key === name && typeof value === 'number') return value;
    const inner = parameterValue(value, name);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function markOf(step: StepReport, series: StepSeries): number | undefined {
  if (series.at !== 'counterexample') return undefined;
  if (series.along === 'index') return step.counterexample?.index?.[series.parameter];
  return parameterValue(series.instance, series.parameter);
}

const WHERE: Record<StepSeries['at'], string> = {
  counterexample: 'at the counterexample',
  'first failure': 'at the first failing instance',
  example: 'example',
  'first instance': 'at the',
  'longest index range': 'at the instance with the most values of the index',
};

function title(series: StepSeries): string {
  const along = series.along === 'index' ? `along the index ${series.parameter}` : `along ${series.parameter}`;
  return `${along}, ${WHERE[series.at]} ${series.label}`.replace(/\s+/g, ' ');
}

/**
 * The step's plots: the first series large (the counterexample's, when the
 * step is refuted), the others (simplest examples, a random instance) as
 * small multiples beneath it.
 */
export function stepFigures(step: StepReport, anchor: string): Raw | null {
  const all = step.series ?? [];
  if (all.length === 0) return null;
  const plot = (series: StepSeries, k: number, size: 'large' | 'small'): Raw =>
    html`<div class="series" data-series-at="${series.at}" data-series-index="${k}"><div class="series-title">${title(series)}</div>${plotSeries(series, {
      lhsName: shorten(step.lhs),
      rhsName: shorten(step.rhs),
      relation: step.relation,
      mark: markOf(step, series),
      size,
      id: `${anchor}-plot-${k}`,
    })}</div>`;
  const [first, ...rest] = all;
  return html`<div class="figures">${plot(first, 0, 'large')}${rest.length ? html`<div class="small-multiples">${rest.map((s, k) => plot(s, k + 1, 'small'))}</div>` : null}</div>`;
}
