import 'reflect-metadata';
import type { AddressInfo, Server } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { HTTP_OPTIONS } from './common/http/http-options';
import { AppConfig } from './config/app-config';
import { withEnvFile } from './config/env-file';
import { ConfigError, loadConfig } from './config/load-config';
import { DatabaseOpenError } from './database/database-open';
import { LadderLogger } from './modules/logging/ladder-logger';
import { StaticDataError } from './modules/static-data/domain/static-data.errors';

const logger = new Logger('Bootstrap');

/** A start-up problem whose message alone says what to fix. */
class StartupError extends Error {}

/** Without a bot token the bot runs against an in-process Discord emulator, so it can still be tried. */
async function discordFor(config: AppConfig): Promise<AppConfig> {
  if (config.discord.token) return config;
  // Loaded only here, so a bot with a token never loads the emulator at all.
  const { DiscordEmulator } = await import('./emulator/discord-emulator');
  const { withLocalDiscord } = await import('./discord/local-discord');
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  logger.warn(
    `DISCORD_TOKEN is not set: running against a local Discord emulator at ${emulator.apiBase}. ` +
      'Run "npm run demo" to watch players use the bot; set DISCORD_TOKEN (and DISCORD_GUILD_ID) to connect to Discord.',
  );
  return withLocalDiscord(config, emulator);
}

/** Nest's own listen would log a stack for a port in use; the bot says it in one line instead. */
async function listen(server: Server, { host, port }: AppConfig['http']): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new StartupError(`PORT: ${host}:${port} is already in use; stop what listens there or set another PORT.`);
    if (error.code === 'EACCES') throw new StartupError(`PORT: not allowed to listen on ${host}:${port}; choose a PORT above 1023.`);
    if (error.code === 'EADDRNOTAVAIL') throw new StartupError(`HOST: ${host} is not an address of this machine.`);
    throw error;
  });
  return server.address() as AddressInfo;
}

async function bootstrap(): Promise<void> {
  const settings = loadConfig(withEnvFile());
  const ladderLogger = LadderLogger.for(settings);
  Logger.overrideLogger(ladderLogger);
  const config = await discordFor(settings);
  const app = await NestFactory.create(AppModule.register(config), { ...HTTP_OPTIONS, logger: ladderLogger, abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  const { port } = await listen(app.getHttpServer() as Server, config.http);
  const where = config.database.driver === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  logger.log(`Ladder bot serving HTTP on http://${config.http.host}:${port} (health: /health/ready), database: ${where}`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StaticDataError || error instanceof DatabaseOpenError || error instanceof StartupError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
