import type { CheckOptions } from '../checker/options.js';
import type { LemmaReport } from '../checker/report.js';
import { CLEAR_LINE, ProgressState } from '../reporters/progress.js';
import type { LemmaTask, RunHooks } from './proof-runner.js';
import { describeUnit } from './work-plan.js';

const REDRAW_MS = 200;

/**
 * Progress on a terminal: each lemma's section as soon as it finishes (in
 * completion order), under it a status line redrawn in place. Only for a TTY:
 * piped output keeps the fixed report order and has no status line.
 */
export class LiveProgress {
  private readonly state: ProgressState;
  private readonly timer: NodeJS.Timeout;
  private shown = false;

  constructor(
    tasks: readonly LemmaTask[],
    options: CheckOptions,
    private readonly write: (text: string) => void,
    private readonly width: () => number,
    private readonly formatLemma: (lemma: LemmaReport) => string,
  ) {
    const lemmas = tasks.map((t) => {
      if (t.kind !== 'check') return null;
      const runs = options.runs ?? t.lemma.runs ?? 100;
      const relaxations = options.instanceFile !== undefined ? 0 : (t.lemma.relaxationChecks?.length ?? 0);
      return { id: t.lemma.id, total: options.replay ? 1 : runs * (1 + relaxations) };
    });
    this.state = new ProgressState(lemmas, performance.now());
    this.timer = setInterval(() => this.redraw(), REDRAW_MS);
    this.timer.unref();
  }

  get hooks(): RunHooks {
    return {
      onInstances: (task, unit, instances) => this.state.instances(task, unit ? describeUnit(unit) : 'finish', instances),
      onFinished: (report, task) => {
        this.state.finish(task);
        this.write(CLEAR_LINE + this.formatLemma(report));
        this.shown = false;
        this.redraw();
      },
    };
  }

  /** Removes the status line for good (before the summary). */
  stop(): void {
    clearInterval(this.timer);
    if (this.shown) this.write(CLEAR_LINE);
    this.shown = false;
  }

  private redraw(): void {
    this.write(CLEAR_LINE + this.state.statusLine(performance.now(), this.width()));
    this.shown = true;
  }
}
