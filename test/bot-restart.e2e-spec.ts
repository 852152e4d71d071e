import { DiscordDriver, DiscordEmulator } from '../src/emulator';
import { BotProcess } from './support/bot-process';
import { createTestDatabase, TestDatabase, testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

describe(`a bot process killed and restarted against the same emulator (${testDriver()})`, () => {
  let emulator: DiscordEmulator;
  let driver: DiscordDriver;
  let database: TestDatabase;
  let bot: BotProcess;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    database = await createTestDatabase();
    bot = BotProcess.against(emulator, database.config);
    driver = new DiscordDriver(emulator, { completions: bot.completions, timeoutMs: 10_000 });
  });

  afterAll(async () => {
    await bot.kill();
    driver.dispose();
    await emulator.stop();
    await database.drop();
  });

  async function startBot(): Promise<void> {
    const ready = bot.ready();
    bot.start();
    await ready;
    await waitFor('the commands to be registered', () => emulator.commands.list(emulator.guildId).length > 0);
  }

  it('answers, is killed, comes back and answers again', async () => {
    const fay = driver.createUser('fay');
    await startBot();
    expect((await fay.runCommand('help')).acknowledged).toBe(true);

    await bot.kill();
    await waitFor('the emulator to see the bot gone', () => emulator.connectedSessions === 0);

    await startBot();
    expect((await fay.runCommand('help')).acknowledged).toBe(true);
    expect(fay.lastReply()).toMatch(/ladder/);
    expect(emulator.violations()).toEqual([]);
  }, 120_000);

  it('keeps a setup preview working across a restart: the draft travels with the message', async () => {
    if (!bot.running()) await startBot();
    const gia = driver.createUser('gia');
    await gia.runCommand('termsofservice');
    await gia.clickButton('Accept');
    await gia.runCommand('setup');
    await gia.fillModal({ 'Player name': 'Gia', BattleTag: 'Gia#2024' });
    await gia.choose('setup/country/1', ['FR']);
    await gia.choose('Residential region', ['EUW']);

    await bot.kill();
    await waitFor('the emulator to see the bot gone', () => emulator.connectedSessions === 0);
    await startBot();

    await gia.clickButton('Confirm');
    expect(gia.lastReply()).toMatch(/Setup complete[\s\S]*France \(FR\)[\s\S]*Western Europe \(EUW\)/);
    expect(emulator.violations()).toEqual([]);
  }, 120_000);
});
