import { percentile, RouteStats } from './route-stats';

describe('percentile', () => {
  it.each([
    [[1], 0.5, 1],
    [[1, 2], 0.5, 1],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
    [[], 0.5, 0],
  ])('of %j at %d is %d', (values, fraction, expected) => {
    expect(percentile(values, fraction)).toBe(expected);
  });
});

describe('RouteStats', () => {
  it('summarises each route: count, percentiles, mean queries and duplicates', () => {
    const stats = new RouteStats();
    for (let i = 1; i <= 10; i += 1) stats.record('report/:matchId/:result', { ackMs: i, totalMs: i * 10, queries: i % 2, duplicate: i > 8 });
    stats.record('/profile', { totalMs: 5, queries: 0, duplicate: false });
    expect(stats.summary()).toEqual([
      { route: '/profile', count: 1, ack_ms: null, total_ms: { p50: 5, p95: 5, p99: 5 }, queries_mean: 0, duplicates: 0 },
      { route: 'report/:matchId/:result', count: 10, ack_ms: { p50: 5, p95: 10, p99: 10 }, total_ms: { p50: 50, p95: 100, p99: 100 }, queries_mean: 0.5, duplicates: 2 },
    ]);
  });

  it('keeps percentiles over the latest window while counting everything', () => {
    const stats = new RouteStats(3);
    [100, 100, 1, 2, 3].forEach((totalMs) => stats.record('/queue', { totalMs, queries: 1, duplicate: false }));
    const [queue] = stats.summary();
    expect(queue.count).toBe(5);
    expect(queue.total_ms).toEqual({ p50: 2, p95: 3, p99: 3 });
  });
});
