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

/** Without a bot token the bot runs as a sandbox: a local Discord emulator, shown and used from a page. */
async function discordFor(config: AppConfig): Promise<{ config: AppConfig; sandboxUrl?: string }> {
  if (!config.sandbox) return { config };
  // Loaded only here, so a bot with a token never loads the emulator at all.
  const { startSandbox } = await import('./sandbox/start-sandbox');
  const sandbox = await startSandbox(config, config.sandbox).catch((error: NodeJS.ErrnoException) => {
    throw portProblem(error, 'SANDBOX_HOST', 'SANDBOX_PORT', config.sandbox!) ?? error;
  });
  logger.warn(
    `DISCORD_TOKEN is not set: running the sandbox, a local Discord emulator, on its own SQLite file (${config.sandbox.sqlitePath})` +
      `${config.sandbox.ignoredDatabaseUrl ? '; DATABASE_URL is used only with a token' : ''}. Set DISCORD_TOKEN (and DISCORD_GUILD_ID) to connect to Discord.`,
  );
  return { config: sandbox.config, sandboxUrl: sandbox.url };
}

/** A listener that could not open, said in one line naming the setting; undefined for any other failure. */
function portProblem(error: NodeJS.ErrnoException, hostVariable: string, portVariable: string, { host, port }: { host: string; port: number }): StartupError | undefined {
  if (error.code === 'EADDRINUSE') return new StartupError(`${portVariable}: ${host}:${port} is already in use; stop what listens there or set another ${portVariable}.`);
  if (error.code === 'EACCES') return new StartupError(`${portVariable}: not allowed to listen on ${host}:${port}; choose a ${portVariable} above 1023.`);
  if (error.code === 'EADDRNOTAVAIL') return new StartupError(`${hostVariable}: ${host} is not an address of this machine.`);
  return undefined;
}

/** Nest's own listen would log a stack for a port in use; the bot says it in one line instead. */
async function listen(server: Server, { host, port }: AppConfig['http']): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw portProblem(error, 'HOST', 'PORT', { host, port }) ?? error;
  });
  return server.address() as AddressInfo;
}

async function bootstrap(): Promise<void> {
  const settings = loadConfig(withEnvFile());
  const ladderLogger = LadderLogger.for(settings);
  Logger.overrideLogger(ladderLogger);
  const { config, sandboxUrl } = await discordFor(settings);
  const app = await NestFactory.create(AppModule.register(config), { ...HTTP_OPTIONS, logger: ladderLogger, abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  const { port } = await listen(app.getHttpServer() as Server, config.http);
  const where = config.database.driver === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  logger.log(`Ladder bot serving HTTP on http://${config.http.host}:${port} (health: /health/ready), database: ${where}`);
  if (sandboxUrl) logger.log(`Sandbox: open ${sandboxUrl} to see the ladder's Discord server and use the bot as its players and admin`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StaticDataError || error instanceof DatabaseOpenError || error instanceof StartupError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
