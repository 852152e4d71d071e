import { BootFigures } from './boot-at-scale';
import { StormFigures } from './click-storm';
import { LoadFigures } from './load-run';

function table(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (values: string[]) => values.map((value, column) => (column === 0 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

export function printStorms(storms: readonly StormFigures[]): void {
  console.log('\nDouble-click storms (PostgreSQL as above): each player clicks the button many times at once');
  table(
    ['button', 'players', 'clicks sent', 'effects written', 'duplicate effects', 'repeats recognised', 'ack p99 ms'],
    storms.map((storm) => [storm.button, String(storm.players), String(storm.clicks_sent), String(storm.effects_written), String(storm.duplicate_effects), String(storm.repeats_recognised), storm.ack_p99_ms.toFixed(1)]),
  );
}

export function printLoad(load: LoadFigures): void {
  console.log(`\nThroughput on SQLite, the bot in a process of its own: ${load.players} players sending /profile, /history, /leaderboard, /queue and /help`);
  table(
    ['concurrency', 'interactions', 'not acknowledged', 'per second', 'ack p50 ms', 'ack p99 ms'],
    load.throughput.map((level) => [String(level.concurrency), String(level.interactions), String(level.failed), String(level.per_second), level.ack_p50_ms.toFixed(1), level.ack_p99_ms.toFixed(1)]),
  );
  console.log(`Sustained with the acknowledgement p99 within ${load.ack_p99_limit_ms} ms: ${load.sustained_per_second} interactions per second`);
  console.log(`\nMemory of the bot process (heap after a forced collection), the run lasting ${load.run_seconds} s, past the ${load.rest_sweep_seconds} s REST handler sweep`);
  table(
    ['after interactions', 'then quiet for s', 'heap MB', 'RSS MB'],
    load.memory.map((figure) => [String(figure.after_interactions), String(figure.idle_seconds), figure.heap_mb.toFixed(1), figure.rss_mb.toFixed(1)]),
  );
}

export function printBoot(boot: readonly BootFigures[], latencyMs: number): void {
  console.log(`\nBoot to ready with many players in PostgreSQL (${2 * latencyMs} ms per round trip), the bot in a process of its own`);
  table(
    ['players', 'ratings', 'boot to ready ms', 'heap MB', 'players take MB', 'bytes per player'],
    boot.map((figure) => [String(figure.players), String(figure.ratings), String(figure.boot_ms), figure.heap_mb.toFixed(1), figure.players_heap_mb.toFixed(1), String(figure.bytes_per_player)]),
  );
}
