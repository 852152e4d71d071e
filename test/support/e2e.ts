import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'discord.js';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock/clock';
import { HTTP_OPTIONS } from '../../src/common/http/http-options';
import { AppConfig } from '../../src/config/app-config';
import { untilConnected, withLocalDiscord } from '../../src/discord/local-discord';
import { InteractionRecorder } from '../../src/common/context/interaction-recorder';
import { Completions, DiscordDriver, DiscordEmulator, DriverUser } from '../../src/emulator';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';

export interface E2e {
  app: INestApplication;
  emulator: DiscordEmulator;
  driver: DiscordDriver;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface E2eOptions {
  /** The environment, possibly naming players the driver creates first (e.g. as admins). */
  env?: NodeJS.ProcessEnv | ((driver: DiscordDriver) => NodeJS.ProcessEnv);
  /** Extra modules beside the real AppModule, e.g. a test-only fixture. */
  imports?: Array<Type | DynamicModule>;
  /** The bot's time source, to move time on without waiting (deadlines, a new month). */
  clock?: Clock;
}

/**
 * The real AppModule on a fresh database of the suite's driver, its real discord.js client logged in
 * to a local Discord emulator, and a driver to act as players. Resolves once the commands are registered.
 */
export async function startE2e(options: E2eOptions = {}): Promise<E2e> {
  const emulator = await new DiscordEmulator().start();
  const completions = new Completions();
  const driver = new DiscordDriver(emulator, { completions, timeoutMs: 5000 });
  const database = await createTestDatabase();
  const env = typeof options.env === 'function' ? options.env(driver) : options.env;
  const config = withLocalDiscord(testConfig(database.config, env), emulator);
  let app: INestApplication | undefined;
  const boot = async (): Promise<INestApplication> => {
    const testing = Test.createTestingModule({ imports: [AppModule.register(config), ...(options.imports ?? [])] });
    const moduleRef = await (options.clock ? testing.overrideProvider(Clock).useValue(options.clock) : testing).compile();
    const booting = moduleRef.createNestApplication({ ...HTTP_OPTIONS, logger: ['error', 'warn'] });
    app = booting;
    booting.get(InteractionRecorder).onRecord((outcome) => completions.finish(outcome.interactionId));
    await booting.listen(0, '127.0.0.1');
    await untilConnected(booting.get(Client), emulator);
    return booting;
  };
  try {
    await boot();
  } catch (error) {
    await app?.close().catch(() => undefined);
    driver.dispose();
    await emulator.stop();
    await database.drop();
    throw error;
  }
  const e2e: E2e = {
    app: app!,
    emulator,
    driver,
    config,
    database,
    close: async () => {
      driver.dispose();
      await e2e.app.close();
      await emulator.stop();
      await database.drop();
    },
  };
  return e2e;
}

/** startE2e with one ladder admin (named `adminName`) and the emulator's admin channel as the bot's, plus `env`. */
export async function startE2eWithAdmin(adminName: string, options: Omit<E2eOptions, 'env'> & { env?: NodeJS.ProcessEnv } = {}): Promise<{ e2e: E2e; admin: DriverUser }> {
  let admin: DriverUser | undefined;
  const e2e = await startE2e({
    ...options,
    env: (driver) => {
      admin = driver.createUser(adminName, { admin: true });
      return { ...options.env, ADMIN_DISCORD_IDS: admin.id, ADMIN_CHANNEL_ID: driver.emulator.adminChannelId };
    },
  });
  return { e2e, admin: admin! };
}
