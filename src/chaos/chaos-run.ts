import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase } from '../benchmark/bench-database';
import { LatencyProxy } from '../benchmark/latency-proxy';
import { Completions, DiscordDriver, DiscordEmulator, DriverUser, SeenMessage } from '../emulator';
import { ChaosBot } from './chaos-bot';
import { ladderScript, ScriptStep } from './ladder-script';

export interface ChaosFigures {
  database: 'sqlite' | 'postgres';
  steps: number;
  /** Kills per point; a point never reached is missing here and listed in `unreached`. */
  kills: Record<string, number>;
  unreached: string[];
  outages: Array<{ kind: 'reset' | 'stall'; seconds: number; writeAnswer: string; readyWhileDown: number; recoveredInMs: number }>;
  faults: Record<string, number>;
  violations: string[];
  seconds: number;
}

export interface ChaosOptions {
  database: 'sqlite' | 'postgres';
  full: boolean;
  serverUrl: string;
  outageSeconds: number;
  /** Prints each step as it starts. */
  verbose: boolean;
}

const ADMIN_TOKEN = 'chaos-admin-token-for-this-run';

/**
 * One database's chaos run: the scripted session with the bot killed at its points (each restarted
 * and the step done again), then database outages through the proxy (PostgreSQL), then Discord's
 * faults from the emulator; the audit after every step.
 */
export async function chaosRun(options: ChaosOptions): Promise<ChaosFigures> {
  const started = Date.now();
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const database = options.database === 'postgres' ? await createBenchDatabase(options.serverUrl, `ladder_chaos_${process.pid}`, 0) : undefined;
  const env = {
    TIMERS: 'clock',
    WAVE_SECONDS: '5',
    CONFIRM_SECONDS: '30',
    DB_STATEMENT_TIMEOUT_MS: '2000',
    DATABASE_URL: database?.proxiedUrl ?? '',
    SQLITE_PATH: database ? '' : join(mkdtempSync(join(tmpdir(), 'ladder-chaos-')), 'ladder.sqlite'),
  };
  const figures: ChaosFigures = { database: options.database, steps: 0, kills: {}, unreached: [], outages: [], faults: {}, violations: [], seconds: 0 };
  const completions = new Completions();
  const driver = new DiscordDriver(emulator, { completions, timeoutMs: 15_000 });
  const admin = driver.createUser('chaosadmin', { admin: true });
  const bot = new ChaosBot(emulator, { ...env, ADMIN_DISCORD_IDS: admin.id }, ADMIN_TOKEN, completions);
  const players = { bw: driver.createUser('chaosbw'), sc2: driver.createUser('chaossc'), admin };
  const audited = async (after: string) => {
    const audit = await bot.audit();
    figures.violations.push(...audit.violations.map((violation) => `after ${after}: ${violation}`));
  };
  try {
    await bot.start();
    const script = ladderScript(emulator, driver, players, options.full);
    for (const step of script.steps) {
      if (options.verbose) console.log(`  ${new Date().toISOString().slice(11, 23)} ${step.name}${step.kill ? ` (kill: ${step.kill})` : ''}`);
      await runStep(bot, step, figures, script.abandon).catch((error: unknown) => Promise.reject(new Error(`Step "${step.name}" (kill: ${step.kill ?? 'none'}): ${(error as Error).message}`)));
      figures.steps += 1;
      await audited(step.name);
    }
    const planned = script.steps.filter((step) => step.kill !== undefined).map((step) => step.kill!);
    figures.unreached = [...new Set(planned)].filter((point) => !figures.kills[point]);
    if (database) {
      for (const kind of ['reset', 'stall'] as const) {
        if (!options.full && kind === 'stall') continue;
        figures.outages.push(await outage(kind, database.proxy, bot, driver, players, options.outageSeconds));
        await audited(`the ${kind} outage`);
      }
    }
    await discordFaults(emulator, bot, players, figures.faults);
    await audited('the Discord faults');
    if (!bot.running()) figures.violations.push('the bot process died');
    return figures;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the bot's last output ---\n${bot.log().slice(-4000)}`);
  } finally {
    figures.seconds = Math.round((Date.now() - started) / 1000);
    await bot.kill();
    driver.dispose();
    await emulator.stop();
    await database?.drop();
  }
}

/** A step, with its kill: at a quiet moment, or at its crash point, after which it is done again by a new run. */
async function runStep(bot: ChaosBot, step: ScriptStep, figures: ChaosFigures, abandon: () => void): Promise<void> {
  if (!step.kill) return step.run();
  await bot.kill();
  if (step.kill.startsWith('between:')) {
    figures.kills[step.kill] = (figures.kills[step.kill] ?? 0) + 1;
    console.log(`  killed idle (${step.kill}, before: ${step.name}); restarted`);
    await bot.start();
    return step.run();
  }
  await bot.start(step.kill);
  const held = bot.held().then((point) => ({ held: point }));
  const attempt = step.run().then(
    () => ({ done: true as const }),
    (error: unknown) => ({ failed: error as Error }),
  );
  const first = await Promise.race([held, attempt]);
  if ('failed' in first) throw first.failed;
  if ('held' in first) {
    await bot.kill();
    abandon();
    figures.kills[step.kill] = (figures.kills[step.kill] ?? 0) + 1;
    console.log(`  killed at ${step.kill} (${step.name}); restarted, done again`);
    await bot.start();
    await (step.retry ?? step.run)();
  } else {
    // Reached later, if at all (a deadline of the step may still be due): the next restart ends this run.
    await bot.kill();
    await bot.start();
  }
}

type Players = { bw: DriverUser; sc2: DriverUser; admin: DriverUser };

/**
 * The database gone for `seconds`, as a reset or a silent stall, with sc2 queued and bw about to
 * join: reads answer from memory, the write answers that it may not have been saved, readiness says
 * the database is down; once it is back the bot recovers alone, bw's retried Join counts once and
 * the next wave matches them (bw then aborts, freeing both).
 */
async function outage(kind: 'reset' | 'stall', proxy: LatencyProxy, bot: ChaosBot, driver: DiscordDriver, players: Players, seconds: number): Promise<ChaosFigures['outages'][number]> {
  const { bw, sc2 } = players;
  await sc2.runCommand('queue');
  await sc2.choose('queue/sc2/', ['sc2_terran']);
  await sc2.clickButton('Join');
  await sc2.runCommand('profile');
  await bw.runCommand('queue');
  await bw.choose('queue/bw/', ['bw_zerg']);
  const join = driver.lastReply(bw.id)!.message.id;
  const began = Date.now();
  if (kind === 'reset') proxy.cut();
  else proxy.stall();
  const profile = await sc2.runCommand('profile');
  if (!profile.acknowledged || !/BattleTag/.test(sc2.lastReply() ?? '')) throw new Error(`During the ${kind}, /profile was not answered from memory: ${sc2.lastReply()}`);
  await bw.clickButton('Join', { messageId: join });
  const writeAnswer = (bw.lastReply() ?? '').replace(/^\| /gm, '');
  if (!/may not have been saved; retrying is safe/.test(writeAnswer)) throw new Error(`During the ${kind}, Join answered: ${writeAnswer}`);
  const readiness = await bot.get('/health/ready');
  const readyWhileDown = readiness.status;
  const saysWhat = await readiness.text();
  if (readyWhileDown !== 503 || !/"database":\{"status":"down"/.test(saysWhat)) throw new Error(`During the ${kind}, /health/ready answered ${readyWhileDown}: ${saysWhat}`);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000 - (Date.now() - began))));
  proxy.restore();
  const restored = Date.now();
  while ((await bot.get('/health/ready')).status !== 200) {
    if (Date.now() - restored > 60_000) throw new Error(`The bot did not recover within 60 s of the ${kind}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const recoveredInMs = Date.now() - restored;
  await bw.clickButton('Join', { messageId: join });
  if (!/Searching for a match|searching/i.test(bw.lastReply() ?? '')) throw new Error(`After the ${kind}, Join answered: ${bw.lastReply()}`);
  await abortNextMatch(bw);
  return { kind, seconds, writeAnswer: writeAnswer.split('\n')[1]?.split('. If')[0] ?? writeAnswer, readyWhileDown, recoveredInMs };
}

/** Waits for the next match DM and aborts the match from it, freeing both players. */
async function abortNextMatch(user: DriverUser): Promise<void> {
  const found: SeenMessage = await user.waitForDm((message) => /\[Abort \(\d of 3 left this month\)\]/.test(message.text), 30_000);
  await user.clickButton(/\[(Abort \(\d of 3 left this month\))\]/.exec(found.text)![1], { messageId: found.messageId });
  await user.clickButton('Confirm abort', { messageId: found.messageId });
}

/** Discord's own faults: a 429 with retry-after, a 500, an unknown interaction, closed DMs, a gateway drop and resume. */
async function discordFaults(emulator: DiscordEmulator, bot: ChaosBot, players: Players, faults: Record<string, number>): Promise<void> {
  const { bw, sc2 } = players;
  const count = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);

  emulator.faults.inject({ kind: 'rate-limit', route: /\/interactions\/\d+\/[^/]+\/callback/, retryAfterMs: 300 });
  count('429 with retry-after');
  await bw.runCommand('help');
  emulator.faults.inject({ kind: 'server-error', route: /\/webhooks\/\d+\/[^/]+\/messages\/@original/, method: 'PATCH' });
  count('server error 500');
  await sc2.runCommand('profile');
  if (!/BattleTag/.test(sc2.lastReply() ?? '')) throw new Error(`After a 500, /profile showed: ${sc2.lastReply()}`);
  emulator.faults.inject({ kind: 'unknown-interaction', route: /\/interactions\/\d+\/[^/]+\/callback/ });
  count('10062 unknown interaction');
  await bw.runCommand('help').catch(() => undefined);

  sc2.closeDms();
  count('closed DMs');
  await sc2.runCommand('queue');
  await sc2.choose('queue/sc2/', ['sc2_terran']);
  await sc2.clickButton('Join');
  await bw.runCommand('queue');
  await bw.choose('queue/bw/', ['bw_zerg']);
  await bw.clickButton('Join');
  await abortNextMatch(bw);
  sc2.openDms();

  emulator.faults.disconnectGateway();
  count('gateway disconnect and resume');
  const deadline = Date.now() + 30_000;
  while (emulator.connectedSessions === 0 || (await bot.get('/health/ready')).status !== 200) {
    if (Date.now() > deadline) throw new Error('The bot did not resume its gateway session');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await bw.runCommand('help');
  const metrics = await (await bot.get('/metrics')).text();
  if (!/ladder_discord_api_errors_total\{code="10062"\} [1-9]/.test(metrics)) throw new Error('The unknown interaction was not counted by code');
  if (!/ladder_dm_failures_total\{message="match_found"\} [1-9]/.test(metrics)) throw new Error('The closed DM was not counted');
}
