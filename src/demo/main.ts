import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/load-config';
import { untilConnected, withLocalDiscord } from '../discord/local-discord';
import { InteractionRecorder } from '../common/context/interaction-recorder';
import { Completions } from '../emulator/completions';
import { DiscordDriver } from '../emulator/driver';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { nextWaveId } from '../modules/matches/domain/wave-schedule';
import { WaveService } from '../modules/matches/wave.service';
import { playDemoSession } from './demo-session';

/**
 * `npm run demo`: the bot on a fresh SQLite database (or SQLITE_PATH) against an in-process Discord
 * emulator, a scripted session of several players, printed as a chat transcript. Exits by itself.
 */
async function main(): Promise<void> {
  const scratch = process.env.SQLITE_PATH ? undefined : mkdtempSync(join(tmpdir(), 'ladder-demo-'));
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'warn', DATABASE_URL: '', TIMERS: 'manual', SQLITE_PATH: process.env.SQLITE_PATH || join(scratch!, 'ladder.sqlite') };
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const completions = new Completions();
  const driver = new DiscordDriver(emulator, { completions, timeoutMs: 10_000 });
  const admin = driver.createUser('referee', { admin: true });
  const config = withLocalDiscord(loadConfig({ ...env, ADMIN_DISCORD_IDS: admin.id, ADMIN_CHANNEL_ID: emulator.adminChannelId }), emulator);
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  app.get(InteractionRecorder).onRecord((outcome) => completions.finish(outcome.interactionId));
  try {
    await untilConnected(app.get(Client), emulator);
    console.log(`Ladder bot demo: database ${config.database.driver === 'sqlite' ? config.database.path : 'PostgreSQL'}\n`);
    driver.transcript.onLine((line) => console.log(line));
    // Each wave of the session gets its own id, as waves on the clock would, however quickly the session runs.
    let wave = nextWaveId(new Date(), config.matchmaking.waveSeconds);
    await playDemoSession(driver, { runWave: () => app.get(WaveService).run(wave++) }, admin);
    const violations = emulator.violations();
    console.log(`\n${driver.timings().length} interactions, ${violations.length} Discord rule violations.`);
    if (violations.length > 0) process.exitCode = 1;
  } finally {
    driver.dispose();
    await app.close();
    await emulator.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
