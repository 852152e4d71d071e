import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from 'discord.js';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/load-config';
import { waitUntil } from '../emulator/wait-until';
import { forcedGc } from './forced-gc';

/**
 * The bot alone in a process, forked by the benchmark with an IPC channel, so the heap it reports is
 * the bot's own and not the emulator's or the driver's. It says `ready` once its Discord client is,
 * and answers `memory` with its heap after a forced collection and its resident set.
 */
async function main(): Promise<void> {
  const gc = forcedGc();
  const app = await NestFactory.createApplicationContext(AppModule.register(loadConfig(process.env)), { logger: ['error', 'warn'] });
  const client = app.get(Client);
  await waitUntil('the Discord client to be ready', () => client.isReady(), 120_000);
  process.on('message', (message) => {
    if (message === 'memory') {
      gc();
      const { heapUsed, rss } = process.memoryUsage();
      process.send!({ kind: 'memory', heapUsed, rss });
    }
    if (message === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send!({ kind: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
