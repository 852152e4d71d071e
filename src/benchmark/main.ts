import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client as DiscordClient } from 'discord.js';
import { Client as PgClient } from 'pg';
import { AppModule } from '../app.module';
import { InteractionOutcome } from '../common/context/interaction-context';
import { InteractionRecorder } from '../common/context/interaction-recorder';
import { loadConfig } from '../config/load-config';
import { untilConnected, withLocalDiscord } from '../discord/local-discord';
import { DiscordDriver, InteractionOutcome as DriverOutcome } from '../emulator/driver';
import { Completions } from '../emulator/completions';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { waitUntil } from '../emulator/wait-until';
import { LatencyProxy } from './latency-proxy';
import { printLeaderboardBenchmark } from './leaderboard-bench';
import { printMatchmakerBenchmark } from './matchmaker-bench';
import { BenchmarkStep, benchmarkSteps } from './steps';

interface Row {
  step: string;
  route: string;
  ackMs: number;
  doneMs: number;
  roundTrips: number;
  queries: number;
}

/**
 * `npm run bench`: the bot on PostgreSQL behind a proxy that adds LATENCY_MS each way (a hosted
 * database), driven through the local Discord emulator. For each step it prints the time to the
 * acknowledgement and to the last change the person sees, the round trips the proxy counted and the
 * statements the bot's own counter saw.
 */
async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const latencyMs = Number(process.env.LATENCY_MS ?? 50);
  const database = `ladder_bench_${process.pid}`;
  await admin(serverUrl, `CREATE DATABASE ${database}`);
  const target = new URL(serverUrl);
  const proxy = new LatencyProxy({ host: target.hostname, port: Number(target.port || 5432) }, latencyMs);
  const proxyPort = await proxy.start();
  const url = new URL(serverUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);
  url.pathname = `/${database}`;

  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const config = withLocalDiscord(loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: url.toString(), DB_POOL_MIN: '2' }), emulator);
  const completions = new Completions();
  const driver = new DiscordDriver(emulator, { completions, timeoutMs: 20_000 });
  const bootStarted = performance.now();
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    await untilConnected(app.get(DiscordClient), emulator);
    const bootMs = performance.now() - bootStarted;
    const outcomes: InteractionOutcome[] = [];
    app.get(InteractionRecorder).onRecord((outcome) => {
      outcomes.push(outcome);
      completions.finish(outcome.interactionId);
    });

    const rows: Row[] = [];
    for (const step of benchmarkSteps(driver)) rows.push(await measure(step, proxy, outcomes));

    console.log(`Ladder bot benchmark: PostgreSQL behind a proxy adding ${latencyMs} ms each way (${2 * latencyMs} ms per round trip)`);
    console.log(`Boot to ready: ${Math.round(bootMs)} ms (pool warmed before going online)\n`);
    printTable(rows);
    const violations = emulator.violations();
    console.log(`\n${rows.length} steps, ${violations.length} Discord rule violations.`);
    printMatchmakerBenchmark(config);
    printLeaderboardBenchmark();
    if (violations.length > 0) process.exitCode = 1;
  } finally {
    driver.dispose();
    await app.close();
    await emulator.stop();
    await proxy.stop();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function measure(step: BenchmarkStep, proxy: LatencyProxy, outcomes: InteractionOutcome[]): Promise<Row> {
  const tripsBefore = proxy.roundTrips;
  const seen = outcomes.length;
  const outcome: DriverOutcome = await step.run();
  if (!outcome.acknowledged) throw new Error(`${step.name}: not acknowledged`);
  await waitUntil(`${step.name} to finish`, () => outcomes.slice(seen).some((recorded) => recorded.interactionId === outcome.interactionId), 30_000);
  const mine = outcomes.slice(seen).filter((recorded) => !recorded.duplicate);
  return {
    step: step.name,
    route: mine.map((recorded) => recorded.route).join(', '),
    ackMs: outcome.ackMs ?? NaN,
    doneMs: outcome.lastChangeMs ?? outcome.ackMs ?? NaN,
    roundTrips: proxy.roundTrips - tripsBefore,
    queries: mine.reduce((sum, recorded) => sum + recorded.queries, 0),
  };
}

function printTable(rows: Row[]): void {
  const header = ['step', 'route', 'ack ms', 'done ms', 'DB round trips', 'queries'];
  const cells = rows.map((row) => [row.step, row.route, row.ackMs.toFixed(1), row.doneMs.toFixed(1), String(row.roundTrips), String(row.queries)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) => values.map((value, column) => (column < 2 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  cells.forEach((values) => console.log(line(values)));
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new PgClient({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
