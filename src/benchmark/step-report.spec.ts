import { StepSample } from './ladder-run';
import { overBudget, percentile, summarise } from './step-report';

const sample = (step: string, doneMs: number, roundTrips: number, ackMs: number | null = 5): StepSample => ({ step, ackMs, doneMs, roundTrips, queries: roundTrips });

describe('the benchmark report', () => {
  it.each([
    [[10], 50, 10],
    [[10], 95, 10],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 95, 4],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
    [Array.from({ length: 20 }, (_, i) => i + 1), 50, 10],
    [[0.123, 0.125], 50, 0.1],
  ])('takes the nearest-rank percentile of %p at p%p: %p', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('summarises each step in the ladder\'s order, with the most round trips any repetition paid', () => {
    const results = summarise([sample('queue Join', 120, 1), sample('terms Accept', 100, 1), sample('queue Join', 140, 2), sample('wave: a match created', 200, 2, null)], 'optimised');
    expect(results.map((result) => result.step)).toEqual(['terms Accept', 'queue Join', 'wave: a match created']);
    expect(results[1]).toMatchObject({ round_trips: 2, queries: 2, done_p50_ms: 120, done_p95_ms: 140, budget_round_trips: 1, target: 'queue 0.5-1 s', samples: 2 });
    expect(results[2]).toMatchObject({ ack_p50_ms: null, ack_p95_ms: null, budget_round_trips: 2 });
  });

  it('names each step of the bot as built that paid more than its budget, and never the baseline\'s', () => {
    const optimised = summarise([sample('/profile (warm)', 8, 1), sample('/profile (cold)', 120, 1)], 'optimised');
    const baseline = summarise([sample('/profile (warm)', 900, 9)], 'baseline');
    expect(overBudget([...optimised, ...baseline]).map((result) => result.step)).toEqual(['/profile (warm)']);
    expect(overBudget(summarise([sample('/profile (warm)', 8, 0)], 'optimised'))).toEqual([]);
  });
});
