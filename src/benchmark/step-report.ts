import { LADDER_STEPS } from './ladder-steps';
import { StepSample } from './ladder-run';

export type Variant = 'optimised' | 'baseline';

/** One step of one variant, as printed and as written to the JSON. Round trips and queries are the most any repetition paid. */
export interface StepResult {
  step: string;
  variant: Variant;
  round_trips: number;
  queries: number;
  ack_p50_ms: number | null;
  ack_p95_ms: number | null;
  done_p50_ms: number;
  done_p95_ms: number;
  budget_round_trips: number;
  target: string | null;
  samples: number;
}

export function summarise(samples: readonly StepSample[], variant: Variant): StepResult[] {
  return LADDER_STEPS.flatMap(({ step, budget, target }) => {
    const mine = samples.filter((sample) => sample.step === step);
    if (mine.length === 0) return [];
    const acks = mine.flatMap((sample) => (sample.ackMs === null ? [] : [sample.ackMs]));
    return [
      {
        step,
        variant,
        round_trips: Math.max(...mine.map((sample) => sample.roundTrips)),
        queries: Math.max(...mine.map((sample) => sample.queries)),
        ack_p50_ms: acks.length === 0 ? null : percentile(acks, 50),
        ack_p95_ms: acks.length === 0 ? null : percentile(acks, 95),
        done_p50_ms: percentile(mine.map((sample) => sample.doneMs), 50),
        done_p95_ms: percentile(mine.map((sample) => sample.doneMs), 95),
        budget_round_trips: budget,
        target: target ?? null,
        samples: mine.length,
      },
    ];
  });
}

/** Nearest-rank percentile, rounded to 0.1 ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1] * 10) / 10;
}

export function overBudget(results: readonly StepResult[]): StepResult[] {
  return results.filter((result) => result.variant === 'optimised' && result.round_trips > result.budget_round_trips);
}

/** Both variants side by side: round trips, queries, acknowledgement and completion, and how many times slower the baseline finished. */
export function printSideBySide(optimised: readonly StepResult[], baseline: readonly StepResult[]): void {
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));
  const header = ['step', 'budget', 'RT', 'q', 'ack p50/p95', 'done p50/p95', 'base RT', 'base q', 'base ack p50/p95', 'base done p50/p95', 'ratio', 'plan target'];
  const cells = optimised.map((mine) => {
    const base = baseline.find((result) => result.step === mine.step);
    const ratio = base && mine.done_p50_ms > 0 ? `${(base.done_p50_ms / mine.done_p50_ms).toFixed(1)}x` : '-';
    return [
      mine.step,
      String(mine.budget_round_trips),
      String(mine.round_trips) + (mine.round_trips > mine.budget_round_trips ? ' OVER' : ''),
      String(mine.queries),
      `${ms(mine.ack_p50_ms)}/${ms(mine.ack_p95_ms)}`,
      `${ms(mine.done_p50_ms)}/${ms(mine.done_p95_ms)}`,
      base ? String(base.round_trips) : '-',
      base ? String(base.queries) : '-',
      base ? `${ms(base.ack_p50_ms)}/${ms(base.ack_p95_ms)}` : '-',
      base ? `${ms(base.done_p50_ms)}/${ms(base.done_p95_ms)}` : '-',
      ratio,
      mine.target ?? '',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) => values.map((value, column) => (column === 0 || column === 11 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  cells.forEach((values) => console.log(line(values)));
}
