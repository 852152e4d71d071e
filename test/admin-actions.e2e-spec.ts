import { DataSource } from 'typeorm';
import { DriverUser } from '../src/emulator';
import { renderMessage } from '../src/emulator/render';
import { LADDER_COMMANDS } from '../src/modules/help/help.render';
import { ADMIN_SUBCOMMANDS } from '../src/modules/admin/admin-subcommands';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { E2e, startE2e } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

const REASON = 'Reported in the admin channel';

describe(`/admin on players: ratings, aborts, the queue, stuck players, bans (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    e2e = await startE2e({
      clock,
      env: (driver) => {
        admin = driver.createUser('marshal', { admin: true });
        return { ADMIN_DISCORD_IDS: admin.id, ADMIN_CHANNEL_ID: driver.emulator.adminChannelId };
      },
    });
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);
  const player = async (user: DriverUser) => (await db().query(`SELECT * FROM players WHERE discord_id = '${user.id}'`))[0];
  const rating = async (user: DriverUser, race: string) =>
    (await db().query(`SELECT r.mmr, r.games_played FROM mmrs_1v1 r JOIN players p ON p.id = r.player_id WHERE p.discord_id = '${user.id}' AND r.race = '${race}'`))[0];
  const audit = async (user: DriverUser) => db().query(`SELECT action, old_value, new_value, reason FROM admin_actions WHERE target_discord_id = '${user.id}' ORDER BY id`);
  const logs = async (user: DriverUser) =>
    db().query(`SELECT action, setting_name, old_value, new_value, changed_by FROM player_action_logs WHERE discord_id = '${user.id}' AND changed_by LIKE 'admin:%' ORDER BY id`);
  const queued = async (user: DriverUser) => (await db().query(`SELECT 1 FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id WHERE p.discord_id = '${user.id}'`)).length === 1;
  const adminLines = () => e2e.emulator.state.visibleMessages(admin.id, e2e.emulator.adminChannelId).map((m) => renderMessage(m.message));
  const noticeFor = (user: DriverUser, pattern: RegExp) => user.waitForDm((message) => pattern.test(message.text));

  /** The preview, then its Confirm; the admin's last reply. */
  async function act(command: string, options: Record<string, string | number | DriverUser>): Promise<string> {
    await admin.runCommand(`admin ${command}`, { reason: REASON, ...options });
    const preview = e2e.driver.lastReply(admin.id)!.message.id;
    if (!/Confirm/.test(admin.lastReply()!)) return admin.lastReply()!;
    await admin.clickButton('Confirm', { messageId: preview });
    return admin.lastReply()!;
  }

  it('refuses anyone but an admin on every subcommand, before anything runs', async () => {
    const eve = await play.player('Eve');
    const options: Record<string, Record<string, string | number | DriverUser>> = {
      player: { user: eve },
      match: { id: 1 },
      resolve: { match: 1, result: 'draw', reason: REASON },
      rating: { user: eve, race: 'bw_zerg', value: 1700, reason: REASON },
      'reset-aborts': { user: eve, reason: REASON },
      unqueue: { user: eve, reason: REASON },
      'clear-queue': { reason: REASON },
      free: { user: eve, reason: REASON },
      ban: { user: eve, reason: REASON },
      unban: { user: eve, reason: REASON },
    };
    for (const [subcommand, given] of Object.entries(options)) {
      await eve.runCommand(`admin ${subcommand}`, given);
      expect(eve.lastReply()).toMatch(/Admins only/);
    }
    expect(await player(eve)).toMatchObject({ banned: testDriver() === 'sqlite' ? 0 : false });
    expect(await db().query(`SELECT 1 FROM admin_actions`)).toEqual([]);
  });

  it('explains every subcommand in Discord\'s picker and in the admins\' /help, in the same words', async () => {
    const registered = e2e.emulator.commands.list(e2e.emulator.guildId).find((command) => command.name === 'admin')!;
    const described = (registered.options ?? []).map((option) => [option.name, option.description]);
    expect(described).toEqual(ADMIN_SUBCOMMANDS.map((subcommand) => [subcommand.name, subcommand.description]));
    await admin.runCommand('help');
    for (const subcommand of ADMIN_SUBCOMMANDS) expect(admin.lastReply()).toContain(`/admin ${subcommand.name} (${subcommand.options}): ${subcommand.description}`);
    const pia = await play.player('Pia');
    await pia.runCommand('help');
    expect(pia.lastReply()).toMatch(/\/leaderboard/);
    expect(pia.lastReply()).not.toMatch(/\/admin/);
  });

  it("lists in /help exactly the player commands registered with Discord, each under its name", async () => {
    const registered = e2e.emulator.commands
      .list(e2e.emulator.guildId)
      .map((command) => command.name)
      .filter((name) => name !== 'admin');
    expect([...LADDER_COMMANDS.map((command) => command.name)].sort()).toEqual([...registered].sort());
    const pia = await play.player('Pia');
    await pia.runCommand('help');
    for (const name of registered) expect(pia.lastReply()).toMatch(new RegExp(`^\\| /${name}: \\S`, 'm'));
  });

  it('sets a rating, keeping the games, with its audit row, log row, DM and admin line', async () => {
    const m = await play.played(await play.player('Ann'), await play.player('Bob'));
    await play.report(m.bw, m.dm.bw, 'I won');
    await play.report(m.sc2, m.dm.sc2, 'I lost');
    const told = noticeFor(m.bw, /rating was set to 1700/);
    expect(await act('rating', { user: m.bw, race: 'bw_zerg', value: 1700 })).toMatch(/Set Ann\w+'s BW Zerg rating to 1700: done/);
    expect(await rating(m.bw, 'bw_zerg')).toEqual({ mmr: 1700, games_played: 1 });
    expect(await audit(m.bw)).toEqual([{ action: 'adjust_rating', old_value: '1520', new_value: '1700', reason: REASON }]);
    expect(await logs(m.bw)).toEqual([{ action: 'rating_changed', setting_name: 'bw_zerg', old_value: '1520', new_value: '1700', changed_by: `admin:${admin.id}` }]);
    expect((await told).text).toMatch(/was 1520[\s\S]*Reason: Reported/);
    expect(adminLines().some((line) => /marshal: Set Ann\w+'s BW Zerg rating to 1700/.test(line))).toBe(true);
    await m.bw.runCommand('profile');
    expect(m.bw.lastReply()).toMatch(/BW Zerg\*\* 1700 · rank/);

    // A race never played gets its row, with no games.
    await act('rating', { user: m.bw, race: 'sc2_protoss', value: 1600 });
    expect(await rating(m.bw, 'sc2_protoss')).toEqual({ mmr: 1600, games_played: 0 });
    await admin.runCommand('admin rating', { user: m.bw, race: 'sc2_protoss', value: 1600, reason: REASON });
    expect(admin.lastReply()).toMatch(/Rating[\s\S]*SC2 Protoss rating is already 1600/);
  });

  it('gives a player\'s aborts back, and refuses when they have them all', async () => {
    const m = await play.matched(await play.player('Cid'), await play.player('Dee'));
    await m.bw.clickButton('Abort (3 of 3 left this month)', { messageId: m.dm.bw });
    await m.bw.clickButton('Confirm abort', { messageId: m.dm.bw });
    expect((await player(m.bw)).aborts_used).toBe(1);
    expect(await act('reset-aborts', { user: m.bw })).toMatch(/Give Cid\w+ all their aborts back: done/);
    expect((await player(m.bw)).aborts_used).toBe(0);
    expect(await audit(m.bw)).toEqual([{ action: 'reset_aborts', old_value: '2 left', new_value: '3 left', reason: REASON }]);
    expect(await logs(m.bw)).toEqual([{ action: 'admin_action', setting_name: 'reset_aborts', old_value: '2 left', new_value: '3 left', changed_by: `admin:${admin.id}` }]);
    await admin.runCommand('admin reset-aborts', { user: m.bw, reason: REASON });
    expect(admin.lastReply()).toMatch(/Aborts[\s\S]*has all 3 aborts left this month/);
  });

  it('takes a player out of the queue, and clears the queue telling everyone', async () => {
    const [fay, gus, hal, ivy] = [await play.player('Fay'), await play.player('Gus'), await play.player('Hal'), await play.player('Ivy')];
    await play.queue(fay, { bw: 'bw_zerg' });
    const told = noticeFor(fay, /took you out of the queue/);
    expect(await act('unqueue', { user: fay })).toMatch(/Take Fay\w+ out of the queue: done/);
    await told;
    expect([await queued(fay), (await player(fay)).activity]).toEqual([false, 'idle']);
    expect(await audit(fay)).toEqual([{ action: 'remove_from_queue', old_value: 'queued', new_value: 'idle', reason: REASON }]);
    await fay.runCommand('queue');
    expect(fay.lastReply()).toMatch(/\[Join\]/);
    await admin.runCommand('admin unqueue', { user: fay, reason: REASON });
    expect(admin.lastReply()).toMatch(/Not queued/);

    // Clearing: every queued player out and told, in one statement; a preview older than a change of the queue does nothing.
    await play.queue(gus, { bw: 'bw_terran' });
    await play.queue(hal, { sc2: 'sc2_zerg' });
    await admin.runCommand('admin clear-queue', { reason: REASON });
    const stalePreview = e2e.driver.lastReply(admin.id)!.message.id;
    expect(admin.lastReply()).toMatch(/Clear the queue: 2 players\?/);
    await play.queue(ivy, { sc2: 'sc2_terran' });
    await admin.clickButton('Confirm', { messageId: stalePreview });
    expect(admin.lastReply()).toMatch(/The queue changed since this preview/);
    expect(await queued(gus)).toBe(true);

    const notices = Promise.all([gus, hal, ivy].map((user) => noticeFor(user, /An admin cleared the queue/)));
    expect(await act('clear-queue', {})).toMatch(/Queue cleared: 3 players/);
    await notices;
    for (const user of [gus, hal, ivy]) expect([await queued(user), (await player(user)).activity]).toEqual([false, 'idle']);
    expect(await db().query(`SELECT action, old_value, new_value FROM admin_actions WHERE action = 'clear_queue'`)).toEqual([{ action: 'clear_queue', old_value: '3 queued', new_value: '0 queued' }]);
    expect(await logs(hal)).toEqual([{ action: 'admin_action', setting_name: 'queue', old_value: 'queued', new_value: 'idle', changed_by: `admin:${admin.id}` }]);
    await admin.runCommand('admin clear-queue', { reason: REASON });
    expect(admin.lastReply()).toMatch(/Queue empty/);
  });

  it('frees a stuck player, and refuses one whose state is backed', async () => {
    const jon = await play.player('Jon');
    await admin.runCommand('admin free', { user: jon, reason: REASON });
    expect(admin.lastReply()).toMatch(/Not stuck[\s\S]*is idle: nothing to free/);
    // A state no queue entry backs, as a failure could leave it; memory reads the row again.
    await db().query(`UPDATE players SET activity = 'queued', version = version + 1 WHERE discord_id = '${jon.id}'`);
    e2e.app.get(PlayerDirectory).reread(jon.id);
    await waitFor('memory to see Jon queued', () => e2e.app.get(PlayerDirectory).get(jon.id)?.activity === 'queued');
    expect(await act('free', { user: jon })).toMatch(/Free Jon\w+: done/);
    expect((await player(jon)).activity).toBe('idle');
    expect(await audit(jon)).toEqual([{ action: 'free_player', old_value: 'queued', new_value: 'idle', reason: REASON }]);
    await jon.runCommand('queue');
    expect(jon.lastReply()).toMatch(/\[Join\]/);
  });

  it('bans an idle player at once on every command, and lifts the ban', async () => {
    const kit = await play.player('Kit');
    const told = noticeFor(kit, /banned your ladder account/);
    expect(await act('ban', { user: kit })).toMatch(/Ban Kit\w+: done/);
    await told;
    for (const command of ['profile', 'queue', 'leaderboard', 'history']) {
      await kit.runCommand(command);
      expect(kit.lastReply()).toMatch(/Account banned/);
    }
    expect(await audit(kit)).toEqual([{ action: 'ban', old_value: 'not banned', new_value: 'banned', reason: REASON }]);
    expect(adminLines().some((line) => /marshal: Ban Kit\w+/.test(line))).toBe(true);
    const publicLines = e2e.emulator.state
      .visibleMessages(kit.id, e2e.emulator.ladderChannelId)
      .filter((stored) => stored.visibleTo === undefined)
      .map((stored) => renderMessage(stored.message));
    expect(publicLines.filter((line) => /banned/i.test(line))).toEqual([]);

    await admin.runCommand('admin ban', { user: kit, reason: REASON });
    expect(admin.lastReply()).toMatch(/Already banned/);
    const lifted = noticeFor(kit, /lifted your ban/);
    expect(await act('unban', { user: kit })).toMatch(/Lift Kit\w+'s ban: done/);
    await lifted;
    await kit.runCommand('profile');
    expect(kit.lastReply()).not.toMatch(/Account banned/);
    expect((await audit(kit)).map((row: { action: string }) => row.action)).toEqual(['ban', 'unban']);
  });

  it('bans a queued player out of the queue', async () => {
    const lou = await play.player('Lou');
    await play.queue(lou, { sc2: 'sc2_protoss' });
    await act('ban', { user: lou });
    expect([await queued(lou), (await player(lou)).activity]).toEqual([false, 'idle']);
    await act('unban', { user: lou });
  });

  it('bans a matched player: the match cancelled without rating change, the opponent freed and told, both match DMs say so', async () => {
    const m = await play.matched(await play.player('Max'), await play.player('Ned'));
    const opponentTold = noticeFor(m.sc2, /cancelled by an admin[\s\S]*Your opponent was banned/);
    expect(await act('ban', { user: m.bw })).toMatch(/Ban Max\w+: done[\s\S]*cancelled without rating change/);
    await opponentTold;
    expect(await db().query(`SELECT status, resolved_by FROM matches_1v1 WHERE id = ${m.matchId}`)).toEqual([{ status: 'cancelled', resolved_by: admin.id }]);
    expect([(await player(m.bw)).activity, (await player(m.sc2)).activity]).toEqual(['idle', 'idle']);
    expect(await rating(m.bw, 'bw_zerg')).toBeUndefined();
    expect(await logs(m.sc2)).toEqual([{ action: 'admin_action', setting_name: `match:${m.matchId}`, old_value: 'live', new_value: 'cancelled', changed_by: `admin:${admin.id}` }]);
    expect(play.render(m.dm.sc2)).toMatch(/cancelled\n\| An admin cancelled it/);
    await m.sc2.runCommand('queue');
    expect(m.sc2.lastReply()).toMatch(/\[Join\]/);
  });

  it('applies nothing from a preview older than a change of the player, and a storm of Confirms once', async () => {
    const oda = await play.player('Oda');
    await admin.runCommand('admin ban', { user: oda, reason: REASON });
    const preview = e2e.driver.lastReply(admin.id)!.message.id;
    await play.queue(oda, { bw: 'bw_protoss' });
    await admin.clickButton('Confirm', { messageId: preview });
    expect(admin.lastReply()).toMatch(/Oda\w+ changed since this preview/);
    expect((await player(oda)).activity).toBe('queued');

    await admin.runCommand('admin ban', { user: oda, reason: REASON });
    const fresh = e2e.driver.lastReply(admin.id)!.message.id;
    await Promise.all(Array.from({ length: 20 }, () => admin.clickButton('Confirm', { messageId: fresh })));
    expect(await audit(oda)).toEqual([{ action: 'ban', old_value: 'not banned', new_value: 'banned', reason: REASON }]);
    expect(await queued(oda)).toBe(false);
  });
});
