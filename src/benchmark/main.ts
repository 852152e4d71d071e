import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client as DiscordClient } from 'discord.js';
import { AppModule } from '../app.module';
import { InteractionRecorder } from '../common/context/interaction-recorder';
import { loadConfig } from '../config/load-config';
import { QueryCounter } from '../database/query-counter';
import { untilConnected, withLocalDiscord } from '../discord/local-discord';
import { Completions } from '../emulator/completions';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { DiscordDriver } from '../emulator/driver';
import { WaveService } from '../modules/matches/wave.service';
import { DataSource } from 'typeorm';
import { createBenchDatabase } from './bench-database';
import { bootAtScale } from './boot-at-scale';
import { clickStorms, StormFigures } from './click-storm';
import { LoadOptions, loadRun } from './load-run';
import { printBoot, printLoad, printStorms } from './scale-report';
import { baselineApp } from './baseline/baseline-app';
import { LadderRun } from './ladder-run';
import { printLeaderboardBenchmark } from './leaderboard-bench';
import { printMatchmakerBenchmark } from './matchmaker-bench';
import { overBudget, printSideBySide, StepResult, summarise, Variant } from './step-report';

interface VariantRun {
  results: StepResult[];
  bootMs: number;
  violations: number;
  storms: StormFigures[];
}

/** Load on SQLite: throughput until the acknowledgement p99 passes 250 ms, then memory over a run past the REST sweep. */
const FULL_LOAD: LoadOptions = { players: 50, levelMs: 3000, ackP99LimitMs: 250, memoryCheckpoints: [1_000, 100_000], restSweepSeconds: 60 };
const QUICK_LOAD: LoadOptions = { players: 20, levelMs: 1000, ackP99LimitMs: 250, memoryCheckpoints: [1_000, 5_000], restSweepSeconds: 5 };

/**
 * `npm run bench [--quick] [--out FILE]`: every step of the ladder, played by new players through the
 * local Discord emulator against PostgreSQL behind a proxy adding LATENCY_MS each way, first by the bot
 * as built, then by a naive variant of it (the founding plan's "before"). Exits non-zero when a step of
 * the bot as built pays more round trips than its budget.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (outIndex >= 0 && !out) throw new Error('--out needs a file name');
  const repetitions = repetitionsOf(quick);
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const latencyMs = Number(process.env.LATENCY_MS ?? 50);

  const variantIndex = args.indexOf('--variant');
  if (variantIndex >= 0) {
    // A child run: one variant in a process of its own (two Nest apps with Discord clients do not share one process well).
    const variant = args[variantIndex + 1] as Variant;
    const result = await runVariant(variant, quick, serverUrl, latencyMs);
    writeFileSync(args[args.indexOf('--result') + 1], JSON.stringify(result));
    return;
  }
  const optimised = runChild('optimised', quick);
  const baseline = runChild('baseline', quick);
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;

  console.log(`Ladder bot benchmark on ${machine}, Node ${process.version}`);
  console.log(`PostgreSQL behind a proxy adding ${latencyMs} ms each way (${2 * latencyMs} ms per round trip)`);
  console.log(`Repetitions: ${repetitions.optimised} as built, ${repetitions.baseline} for the naive baseline; RT and q are the most any repetition paid (proxy round trips, statements)`);
  console.log(`Boot to ready: ${Math.round(optimised.bootMs)} ms (pool warmed before going online)\n`);
  printSideBySide(optimised.results, baseline.results);
  const over = overBudget(optimised.results);
  console.log(`\n${optimised.results.length} steps, ${over.length} over budget, ${optimised.violations + baseline.violations} Discord rule violations.`);
  over.forEach((result) => console.log(`  over budget: ${result.step}: ${result.round_trips} round trips, budget ${result.budget_round_trips}`));
  printStorms(optimised.storms);
  const load = await loadRun(quick ? QUICK_LOAD : FULL_LOAD);
  printLoad(load);
  const boot = await bootAtScale(serverUrl, latencyMs, quick ? [10_000] : [10_000, 100_000]);
  printBoot(boot, latencyMs);
  const matchmaker = printMatchmakerBenchmark(loadConfig({}));
  const leaderboard = printLeaderboardBenchmark();

  if (out) {
    const report = {
      machine,
      node: process.version,
      rtt_ms: 2 * latencyMs,
      repetitions,
      boot_to_ready_ms: Math.round(optimised.bootMs),
      results: [...optimised.results, ...baseline.results],
      storms: optimised.storms,
      throughput: load,
      boot_at_scale: boot,
      matchmaker,
      leaderboard,
    };
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${out}`);
  }
  if (over.length > 0 || optimised.violations + baseline.violations > 0) process.exitCode = 1;
}

function repetitionsOf(quick: boolean): Record<Variant, number> {
  return { optimised: quick ? 3 : 20, baseline: quick ? 2 : 10 };
}

/** Runs one variant in a child process of its own and reads back what it measured. */
function runChild(variant: Variant, quick: boolean): VariantRun {
  const result = join(mkdtempSync(join(tmpdir(), 'ladder-bench-')), `${variant}.json`);
  const child = spawnSync(process.execPath, [__filename, '--variant', variant, '--result', result, ...(quick ? ['--quick'] : [])], { stdio: 'inherit', env: process.env });
  if (child.status !== 0) throw new Error(`the ${variant} run failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(readFileSync(result, 'utf8')) as VariantRun;
}

async function runVariant(variant: Variant, quick: boolean, serverUrl: string, latencyMs: number): Promise<VariantRun> {
  const repetitions = repetitionsOf(quick)[variant];
  const database = await createBenchDatabase(serverUrl, `ladder_bench_${process.pid}_${variant}`, latencyMs);
  const { proxy } = database;

  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const completions = new Completions();
  const driver = new DiscordDriver(emulator, { completions, timeoutMs: 30_000 });
  const admin = driver.createUser('overseer', { admin: true });
  const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: database.proxiedUrl, DB_POOL_MIN: '2', TIMERS: 'manual', ADMIN_DISCORD_IDS: admin.id };
  const config = withLocalDiscord(loadConfig(env), emulator);
  const bootStarted = performance.now();
  let app: INestApplicationContext | undefined;
  try {
    app = variant === 'optimised' ? await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] }) : await baselineApp(config);
    await untilConnected(app.get(DiscordClient), emulator);
    const bootMs = performance.now() - bootStarted;
    const finished = new Set<string>();
    let duplicates = 0;
    app.get(InteractionRecorder).onRecord((outcome) => {
      finished.add(outcome.interactionId);
      if (outcome.duplicate) duplicates += 1;
      completions.finish(outcome.interactionId);
    });
    let queries = 0;
    app.get(QueryCounter).subscribe(() => (queries += 1));
    const run = new LadderRun({
      driver,
      proxy,
      waves: app.get(WaveService),
      admin,
      queries: () => queries,
      finished: (id) => finished.has(id),
      quietMs: 2 * latencyMs + 30,
    });
    for (let index = 0; index < repetitions; index += 1) {
      await run.repetition(index);
      process.stderr.write(`${variant}: repetition ${index + 1} of ${repetitions} done\n`);
    }
    const stormPlayers = quick ? 4 : 10;
    const storms = variant === 'optimised' ? await clickStorms({ driver, database: app.get(DataSource), duplicates: () => duplicates, finished: (id) => finished.has(id) }, stormPlayers, 20, 'x') : [];
    return { results: summarise(run.samples, variant), bootMs, violations: emulator.violations().length, storms };
  } finally {
    driver.dispose();
    await app?.close();
    await emulator.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
