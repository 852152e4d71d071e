export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface RouteSummary {
  route: string;
  count: number;
  ack_ms: Percentiles | null;
  total_ms: Percentiles;
  queries_mean: number;
  duplicates: number;
}

interface RouteSamples {
  count: number;
  duplicates: number;
  queries: number;
  ackMs: number[];
  totalMs: number[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1];
}

function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)) };
}

/**
 * Per-route timings for the admin summary: counts since boot, percentiles over the latest samples
 * (a bounded window, so memory stays flat however long the bot runs).
 */
export class RouteStats {
  private readonly routes = new Map<string, RouteSamples>();

  constructor(private readonly window = 1000) {}

  record(route: string, sample: { ackMs?: number; totalMs: number; queries: number; duplicate: boolean }): void {
    const samples = this.routes.get(route) ?? { count: 0, duplicates: 0, queries: 0, ackMs: [], totalMs: [] };
    samples.count += 1;
    samples.queries += sample.queries;
    if (sample.duplicate) samples.duplicates += 1;
    if (sample.ackMs !== undefined) push(samples.ackMs, sample.ackMs, this.window);
    push(samples.totalMs, sample.totalMs, this.window);
    this.routes.set(route, samples);
  }

  summary(): RouteSummary[] {
    return [...this.routes]
      .map(([route, samples]) => ({
        route,
        count: samples.count,
        ack_ms: samples.ackMs.length > 0 ? percentiles(samples.ackMs) : null,
        total_ms: percentiles(samples.totalMs),
        queries_mean: Math.round((samples.queries / samples.count) * 100) / 100,
        duplicates: samples.duplicates,
      }))
      .sort((a, b) => a.route.localeCompare(b.route));
  }
}

function push(values: number[], value: number, window: number): void {
  values.push(value);
  if (values.length > window) values.shift();
}
