import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordDriver, InteractionOutcome } from '../emulator/driver';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { DriverUser } from '../emulator/driver-user';
import { letters, readyPlayer } from './bench-players';
import { ForkedBot } from './forked-bot';
import { percentile } from './step-report';

export interface ThroughputLevel {
  concurrency: number;
  interactions: number;
  /** Not acknowledged within Discord's 3 s: the person sees "This interaction failed". */
  failed: number;
  per_second: number;
  ack_p50_ms: number;
  ack_p99_ms: number;
}

export interface MemoryFigures {
  after_interactions: number;
  /** Seconds of quiet before the figure was taken. */
  idle_seconds: number;
  heap_mb: number;
  rss_mb: number;
}

export interface LoadFigures {
  players: number;
  ack_p99_limit_ms: number;
  throughput: ThroughputLevel[];
  sustained_per_second: number;
  memory: MemoryFigures[];
  rest_sweep_seconds: number;
  run_seconds: number;
}

/** What the load sends, each as a different player would: the ladder's reads, all answered from memory. */
const MIX: ReadonlyArray<(user: DriverUser, other: DriverUser) => Promise<InteractionOutcome>> = [
  (user) => user.runCommand('profile'),
  (user, other) => user.runCommand('profile', { player: other }),
  (user) => user.runCommand('history'),
  (user) => user.runCommand('leaderboard'),
  (user) => user.runCommand('queue'),
  (user) => user.runCommand('help'),
];

export interface LoadOptions {
  players: number;
  levelMs: number;
  ackP99LimitMs: number;
  memoryCheckpoints: readonly number[];
  restSweepSeconds: number;
}

/**
 * The bot on SQLite in a process of its own, the emulator and the players in this one: throughput at
 * rising concurrency until the acknowledgement p99 passes the limit, then memory after a number of
 * interactions, the run lasting past discord.js's REST handler sweep. Each player waits for the bot's
 * answer to settle (the driver's 75 ms) before sending the next: a closed loop, its load set by concurrency.
 */
export async function loadRun(options: LoadOptions): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-load-'));
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const driver = new DiscordDriver(emulator, { timeoutMs: 30_000 });
  const bot = new ForkedBot(emulator, { SQLITE_PATH: join(dir, 'ladder.sqlite'), DATABASE_URL: '', DISCORD_REST_SWEEP_SECONDS: String(options.restSweepSeconds) });
  const started = performance.now();
  try {
    await bot.start();
    const users: DriverUser[] = [];
    for (let index = 0; index < options.players; index += 1) {
      const user = driver.createUser(`load${index}`);
      await readyPlayer(user, `Load${letters(index)}`);
      users.push(user);
    }
    let sent = 0;
    let failures = 0;
    const fire = async (): Promise<number> => {
      const index = sent % users.length;
      sent += 1;
      const outcome = await MIX[sent % MIX.length](users[index], users[(index + 1) % users.length]);
      if (!outcome.acknowledged) failures += 1;
      return outcome.ackMs ?? NaN;
    };

    const throughput: ThroughputLevel[] = [];
    for (let concurrency = 1; concurrency <= 1024; concurrency *= 2) {
      const acks: number[] = [];
      const failedBefore = failures;
      const levelStart = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() - levelStart < options.levelMs) acks.push(await fire());
        }),
      );
      const seconds = (performance.now() - levelStart) / 1000;
      const level = { concurrency, interactions: acks.length, failed: failures - failedBefore, per_second: Math.round(acks.length / seconds), ack_p50_ms: percentile(acks.filter(Number.isFinite), 50), ack_p99_ms: percentile(acks.filter(Number.isFinite), 99) };
      throughput.push(level);
      if (level.ack_p99_ms > options.ackP99LimitMs || level.failed > 0) break;
    }
    const within = throughput.filter((level) => level.ack_p99_ms <= options.ackP99LimitMs && level.failed === 0);

    const memoryConcurrency = Math.max(16, ...within.map((level) => level.concurrency));
    const memory: MemoryFigures[] = [];
    const memoryStart = sent;
    const sweepPassedAt = performance.now() + options.restSweepSeconds * 1000;
    for (const checkpoint of options.memoryCheckpoints) {
      const last = checkpoint === options.memoryCheckpoints[options.memoryCheckpoints.length - 1];
      await Promise.all(
        Array.from({ length: memoryConcurrency }, async () => {
          while (sent - memoryStart < checkpoint || (last && performance.now() < sweepPassedAt)) await fire();
        }),
      );
      const { heapUsed, rss } = await bot.memory();
      memory.push({ after_interactions: sent - memoryStart, idle_seconds: 0, heap_mb: round(heapUsed / 2 ** 20), rss_mb: round(rss / 2 ** 20) });
    }
    // Handlers of the last sweep interval's interactions are still held right after the load; a quiet spell past a sweep shows what stays.
    const idleSeconds = options.restSweepSeconds + 5;
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const { heapUsed, rss } = await bot.memory();
    memory.push({ after_interactions: sent - memoryStart, idle_seconds: idleSeconds, heap_mb: round(heapUsed / 2 ** 20), rss_mb: round(rss / 2 ** 20) });
    return {
      players: options.players,
      ack_p99_limit_ms: options.ackP99LimitMs,
      throughput,
      sustained_per_second: Math.max(0, ...within.map((level) => level.per_second)),
      memory,
      rest_sweep_seconds: options.restSweepSeconds,
      run_seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    driver.dispose();
    await bot.stop();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
