import { resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { withLocalDiscord } from '../discord/local-discord';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { DiscordDriver } from '../emulator/driver';
import { readPracticeChoices } from './practice/practice-choices';
import { PracticeOpponents } from './practice/practice-opponents';
import { SandboxServer } from './sandbox-server';
import { addSandboxPeople } from './sandbox-users';

export interface RunningSandbox {
  /** The bot's configuration, pointed at the emulator and the sandbox's own SQLite file. */
  config: AppConfig;
  url: string;
}

/** Where `npm run build` puts the page (scripts/build-sandbox-page.mjs), whether the bot runs from dist or src. */
const SANDBOX_PAGE_DIR = resolve(__dirname, '..', '..', 'dist', 'sandbox', 'public');

/**
 * The bot without a token: a local Discord emulator whose guild the sandbox page shows and lets a
 * person use, as one of its users. The bot keeps its data in the sandbox's SQLite file.
 */
export async function startSandbox(config: AppConfig, sandbox: NonNullable<AppConfig['sandbox']>): Promise<RunningSandbox> {
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const driver = new DiscordDriver(emulator, { timeoutMs: 15_000 });
  const { people, admin, adminIds } = addSandboxPeople(driver, config.admin.discordIds);
  const practice = new PracticeOpponents(driver, admin, await readPracticeChoices(config.staticData.dir), sandbox.practiceDelayMs);
  const server = new SandboxServer(driver, people, adminIds, SANDBOX_PAGE_DIR, practice);
  const url = await server.start(sandbox.host, sandbox.port).catch(async (error: unknown) => {
    driver.dispose();
    await emulator.stop();
    throw error;
  });
  const { statementTimeoutMs, connect } = config.database;
  return {
    config: {
      ...withLocalDiscord(config, emulator),
      admin: { ...config.admin, discordIds: adminIds },
      database: { driver: 'sqlite', path: sandbox.sqlitePath, statementTimeoutMs, connect },
    },
    url,
  };
}
