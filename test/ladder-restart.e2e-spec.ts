import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { DiscordDriver, DiscordEmulator, DriverUser } from '../src/emulator';
import { renderMessage } from '../src/emulator/render';
import { BotProcess } from './support/bot-process';
import { readyPlayer } from './support/ladder-players';
import { testConfig } from './support/test-config';
import { createTestDatabase, TestDatabase, testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

/** Waves every 5 s and a 30 s confirm window: short enough to wait for, on the bot's own clock, and long enough for four restarts. */
const ON_THE_CLOCK = { TIMERS: 'clock', WAVE_SECONDS: '5', CONFIRM_SECONDS: '30' };

describe(`the ladder across bot restarts: the queue, the match DMs and their deadlines (${testDriver()})`, () => {
  let emulator: DiscordEmulator;
  let driver: DiscordDriver;
  let database: TestDatabase;
  let bot: BotProcess;
  let db: DataSource;

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    database = await createTestDatabase();
    bot = BotProcess.against(emulator, database.config);
    driver = new DiscordDriver(emulator, { completions: bot.completions, timeoutMs: 20_000 });
  });

  afterAll(async () => {
    await bot.kill();
    await db?.destroy();
    driver.dispose();
    await emulator.stop();
    await database.drop();
  });

  const redraws = () => bot.log().split('Match DMs drawn again after the restart').length;

  /** A new life of the bot, ready and, unless told otherwise, done drawing the match DMs again (a click a moment sooner may see its prompt redrawn under it). */
  async function lifeOfTheBot(env: NodeJS.ProcessEnv, { awaitRedraw = true } = {}): Promise<void> {
    await bot.kill();
    await waitFor('the emulator to see the bot gone', () => emulator.connectedSessions === 0);
    const before = redraws();
    const ready = bot.ready();
    bot.start({ LOG_LEVEL: 'info', ...env });
    await ready;
    await waitFor('the commands to be registered', () => emulator.commands.list(emulator.guildId).length > 0);
    if (awaitRedraw) await waitFor('the match DMs to be drawn again', () => redraws() > before);
  }

  const render = (messageId: string) => renderMessage(emulator.state.messages.get(messageId)!.message);
  const query = async <T>(text: string): Promise<T[]> => {
    db ??= await new DataSource(buildDataSourceOptions(testConfig(database.config).database)).initialize();
    return db.query(text);
  };

  async function queue(user: DriverUser, race: { bw?: string; sc2?: string }): Promise<void> {
    await user.runCommand('queue');
    if (race.bw) await user.choose('queue/bw/', [race.bw]);
    if (race.sc2) await user.choose('queue/sc2/', [race.sc2]);
    await user.clickButton('Join');
    expect(user.lastReply()).toMatch(/Searching for a match/);
  }

  it('matches players who joined before a restart, then plays one match to its result across a restart at every step; the other\'s deadline fires once', async () => {
    await lifeOfTheBot({ TIMERS: 'manual' });
    const players = {
      ann: await readyPlayer(driver.createUser('ann'), { name: 'Ann', country: 'FR', region: 'EUW' }),
      bob: await readyPlayer(driver.createUser('bob'), { name: 'Bob', country: 'DE', region: 'EUW' }),
      cid: await readyPlayer(driver.createUser('cid'), { name: 'Cid', country: 'PL', region: 'EUE' }),
      dee: await readyPlayer(driver.createUser('dee'), { name: 'Dee', country: 'SE', region: 'EUE' }),
    };
    await queue(players.ann, { bw: 'bw_zerg' });
    await queue(players.bob, { sc2: 'sc2_terran' });
    await queue(players.cid, { bw: 'bw_terran' });
    await queue(players.dee, { sc2: 'sc2_zerg' });

    // Life 2: the queue comes back from the database, and the clock's next wave matches everyone.
    const dms = Promise.all(Object.values(players).map((user) => user.waitForDm((message) => /Match found/.test(message.text))));
    await lifeOfTheBot(ON_THE_CLOCK);
    const found = await dms;
    const matches = await query<{ id: number; player_1_id: number }>(`SELECT id, player_1_id FROM matches_1v1 ORDER BY id`);
    expect(matches).toHaveLength(2);
    await waitFor('both matches to have saved their DMs', async () =>
      (await query(`SELECT 1 FROM matches_1v1 WHERE player_1_dm_message_id IS NOT NULL AND player_2_dm_message_id IS NOT NULL`)).length === 2,
    );

    // Within the confirm window, a restart between every two steps, each acting through DMs an earlier life sent.
    const dmOf = (user: DriverUser) => found[Object.values(players).indexOf(user)].messageId;
    const matchOf = (user: DriverUser) => /Match found: #(\d+)/.exec(found[Object.values(players).indexOf(user)].text)![1];
    const opponentOfAnn = Object.values(players).find((user) => user !== players.ann && matchOf(user) === matchOf(players.ann))!;
    const others = Object.values(players).filter((user) => matchOf(user) !== matchOf(players.ann));
    const steps: Array<() => Promise<unknown>> = [
      () => players.ann.clickButton('Confirm', { messageId: dmOf(players.ann) }),
      () => opponentOfAnn.clickButton('Confirm', { messageId: dmOf(opponentOfAnn) }),
      async () => {
        await players.ann.clickButton('I won', { messageId: dmOf(players.ann) });
        await players.ann.clickButton('Confirm: I won', { messageId: dmOf(players.ann) });
      },
      async () => {
        await opponentOfAnn.clickButton('I lost', { messageId: dmOf(opponentOfAnn) });
        await opponentOfAnn.clickButton('Confirm: I lost', { messageId: dmOf(opponentOfAnn) });
      },
    ];
    for (const step of steps) {
      await lifeOfTheBot(ON_THE_CLOCK);
      await step();
    }
    for (const user of [players.ann, opponentOfAnn]) expect(render(dmOf(user))).toMatch(/result\n\| Ann won\.\n\| Ann, BW \w+: 1500 -> 1520 \(\+20\)/);
    const ratings = await query<{ mmr: number; games_played: number }>(`SELECT mmr, games_played FROM mmrs_1v1 ORDER BY mmr`);
    expect(ratings).toEqual([{ mmr: 1480, games_played: 1 }, { mmr: 1520, games_played: 1 }]);

    // The other match's deadline, set in life 2, fires in life 3: once, editing each DM once.
    await waitFor(
      'the unconfirmed match to be abandoned',
      async () => (await query(`SELECT 1 FROM matches_1v1 WHERE id = ${matchOf(others[0])} AND status = 'timed_out'`)).length === 1,
      40_000,
    );
    await waitFor('both DMs to say so', () => others.every((user) => /abandoned/.test(render(dmOf(user)))));
    const abandonedEdits = driver.transcript.lines().filter((line) => /Match #\d+ abandoned/.test(line));
    expect(abandonedEdits).toHaveLength(2);
    const statuses = await query<{ status: string }>(`SELECT status FROM matches_1v1 ORDER BY id`);
    expect(statuses.map((row) => row.status).sort()).toEqual(['completed', 'timed_out']);
    const freed = await query<{ activity: string }>(`SELECT activity FROM players WHERE discord_id IN ('${others[0].id}', '${others[1].id}')`);
    expect(freed).toEqual([{ activity: 'idle' }, { activity: 'idle' }]);
    expect(emulator.violations()).toEqual([]);
  }, 180_000);

  it('turns a /history page sent before a restart: the page is in the button', async () => {
    const ann = driver.user('ann');
    const bob = driver.user('bob');
    const [row] = await query<{ a: number; b: number }>(`SELECT (SELECT id FROM players WHERE discord_id = '${ann.id}') AS a, (SELECT id FROM players WHERE discord_id = '${bob.id}') AS b`);
    for (const [index, result] of ['player_2', 'draw'].entries()) {
      const at = new Date(Date.now() - (index + 2) * 86_400_000).toISOString();
      await query(`INSERT INTO matches_1v1 (idempotency_key, player_1_id, player_2_id, player_1_race, player_2_race, player_1_mmr, player_2_mmr, map_code,
          server_code, status, result, player_1_mmr_change, player_2_mmr_change, confirm_deadline, created_at, updated_at, completed_at)
        VALUES ('seeded:${index}', ${row.a}, ${row.b}, 'bw_zerg', 'sc2_terran', 1500, 1500, 'khione', 'EUC', 'completed', '${result}', 0, 0, '${at}', '${at}', '${at}', '${at}')`);
    }
    await lifeOfTheBot({ TIMERS: 'manual', HISTORY_PAGE_SIZE: '1' });
    await ann.runCommand('history');
    expect(ann.lastReply()).toMatch(/Page 1 of 3 · 3 matches/);
    const message = driver.lastReply(ann.id)!.message.id;

    await lifeOfTheBot({ TIMERS: 'manual', HISTORY_PAGE_SIZE: '1' });
    await ann.clickButton('Older', { messageId: message });
    expect(render(message)).toMatch(/\*\*L\*\* BW Zerg v Bob \(SC2 Terran\) on Khione, 0 \(#\d+\)\n\| Page 2 of 3/);
    expect(emulator.violations()).toEqual([]);
  }, 120_000);

  it('answers /leaderboard controls drawn before a restart: the page and the filters are in their custom ids', async () => {
    const ann = driver.user('ann');
    await lifeOfTheBot({ TIMERS: 'manual' });
    await ann.runCommand('leaderboard');
    expect(ann.lastReply()).toMatch(/`#1` \*\*C\*\* 🇫🇷 Ann · BW Zerg · 1520 · 1-0\n\| `#2` \*\*D\*\* \S+ \w+ · SC2 \w+ · 1480 · 0-1/);
    const message = driver.lastReply(ann.id)!.message.id;
    await ann.choose('leaderboard/countries/1/', ['FR'], { messageId: message });

    await lifeOfTheBot({ TIMERS: 'manual' });
    await ann.clickButton('Best race only: off', { messageId: message });
    expect(render(message)).toMatch(/`#1` \*\*C\*\* 🇫🇷 Ann · BW Zerg · 1520 · 1-0\n\| Filters: France · each player's best race only\n\| Page 1 of 1 · 1 of 2 ranked/);
    expect(emulator.violations()).toEqual([]);
  }, 120_000);

  it('keeps a prompt a player opened while the restart was still drawing the match DMs again', async () => {
    await lifeOfTheBot({ TIMERS: 'manual' });
    const users = [
      await readyPlayer(driver.createUser('eve'), { name: 'Eve', country: 'FR', region: 'EUW' }),
      await readyPlayer(driver.createUser('fin'), { name: 'Fin', country: 'DE', region: 'EUW' }),
      await readyPlayer(driver.createUser('gus'), { name: 'Gus', country: 'PL', region: 'EUE' }),
      await readyPlayer(driver.createUser('hal'), { name: 'Hal', country: 'SE', region: 'EUE' }),
    ];
    for (const [index, user] of users.entries()) await queue(user, index % 2 === 0 ? { bw: 'bw_zerg' } : { sc2: 'sc2_terran' });
    const dms = Promise.all(users.map((user) => user.waitForDm((message) => /Match found/.test(message.text))));
    await lifeOfTheBot(ON_THE_CLOCK);
    const found = await dms;
    await waitFor('the DMs to be saved', async () =>
      (await query(`SELECT 1 FROM matches_1v1 WHERE status = 'awaiting_confirmation' AND player_2_dm_message_id IS NOT NULL`)).length === 2,
    );
    const matchOf = (index: number) => Number(/Match found: #(\d+)/.exec(found[index].text)![1]);
    const drawnFirst = Math.min(...found.map((_, index) => matchOf(index)));
    const held = found.findIndex((_, index) => matchOf(index) === drawnFirst);
    const clicker = found.findIndex((_, index) => matchOf(index) !== drawnFirst);

    // The redraw's first edit waits out a rate limit, so the click lands while the redraw is under way.
    const limit = emulator.faults.inject({ kind: 'rate-limit', method: 'PATCH', route: new RegExp(`^/channels/${found[held].channelId}/messages/`), retryAfterMs: 2_000 });
    const before = redraws();
    await lifeOfTheBot({ TIMERS: 'manual' }, { awaitRedraw: false });
    await waitFor('the redraw to meet the rate limit', () => limit.hits === 1);
    await users[clicker].clickButton('Abort (3 of 3 left this month)', { messageId: found[clicker].messageId });
    expect(render(found[clicker].messageId)).toMatch(/\[Confirm abort\]/);
    await waitFor('the redraw to finish', () => redraws() > before, 20_000);
    expect(render(found[clicker].messageId)).toMatch(/\[Confirm abort\]/);
    expect(render(found[held].messageId)).toMatch(/Match found/);
    expect(emulator.violations()).toEqual([]);
  }, 120_000);
});
