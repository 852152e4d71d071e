import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/load-config';
import { withLocalDiscord } from '../discord/local-discord';
import { DiscordDriver } from '../emulator/driver';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { playDemoSession } from './demo-session';

/**
 * `npm run demo`: the bot on a fresh SQLite database (or SQLITE_PATH) against an in-process Discord
 * emulator, a scripted session of several players, printed as a chat transcript. Exits by itself.
 */
async function main(): Promise<void> {
  const scratch = process.env.SQLITE_PATH ? undefined : mkdtempSync(join(tmpdir(), 'ladder-demo-'));
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'warn', DATABASE_URL: '', SQLITE_PATH: process.env.SQLITE_PATH || join(scratch!, 'ladder.sqlite') };
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const config = withLocalDiscord(loadConfig(env), emulator);
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  const driver = new DiscordDriver(emulator, { settleMs: 100, timeoutMs: 10_000 });
  try {
    await until(() => app.get(Client).isReady() && emulator.commands.list(emulator.guildId).length > 0);
    console.log(`Ladder bot demo: database ${config.database.driver === 'sqlite' ? config.database.path : 'PostgreSQL'}\n`);
    driver.transcript.onLine((line) => console.log(line));
    await playDemoSession(driver);
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

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The bot did not connect to the emulator in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
