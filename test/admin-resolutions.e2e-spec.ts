import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { DriverUser } from '../src/emulator';
import { renderMessage } from '../src/emulator/render';
import { E2e, startE2e } from './support/e2e';
import { FoundMatch, LadderPlay } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

type Verdict = 'player_1' | 'player_2' | 'draw' | 'cancel';

describe(`/admin: look-ups and resolutions with their audit trail (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  let admin: DriverUser;
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    e2e = await startE2e({
      clock,
      env: (driver) => {
        admin = driver.createUser('referee', { admin: true });
        return { ADMIN_DISCORD_IDS: admin.id, ADMIN_CHANNEL_ID: driver.emulator.adminChannelId };
      },
    });
    outcomes = recordedOutcomes(e2e.app);
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);
  const ratings = async (user: DriverUser) =>
    db().query(
      `SELECT r.race, r.mmr, r.games_played, r.games_won, r.games_lost, r.games_drawn FROM mmrs_1v1 r JOIN players p ON p.id = r.player_id WHERE p.discord_id = '${user.id}' ORDER BY r.race`,
    );
  const matchRow = async (id: number) => (await db().query(`SELECT * FROM matches_1v1 WHERE id = ${id}`))[0];
  const audit = async (id: number) => db().query(`SELECT * FROM admin_actions WHERE target_match_id = ${id} ORDER BY id`);
  const logs = async (user: DriverUser, action: string) =>
    db().query(`SELECT setting_name, old_value, new_value, changed_by FROM player_action_logs WHERE discord_id = '${user.id}' AND action = '${action}' ORDER BY id`);
  const activity = async (user: DriverUser) => (await db().query(`SELECT activity FROM players WHERE discord_id = '${user.id}'`))[0].activity;
  const adminLines = () => e2e.emulator.state.visibleMessages(admin.id, e2e.emulator.adminChannelId).map((m) => renderMessage(m.message));

  async function conflict(bw: string, sc2: string): Promise<FoundMatch> {
    const m = await play.played(await play.player(bw), await play.player(sc2));
    await play.report(m.bw, m.dm.bw, 'I won');
    await play.report(m.sc2, m.dm.sc2, 'I won');
    expect((await matchRow(m.matchId)).status).toBe('conflict');
    return m;
  }

  async function preview(matchId: number, result: Verdict, reason = 'Screenshots sent by both players'): Promise<string> {
    await admin.runCommand('admin resolve', { match: matchId, result, reason });
    return e2e.driver.lastReply(admin.id)!.message.id;
  }

  async function resolve(matchId: number, result: Verdict, reason?: string): Promise<string> {
    const messageId = await preview(matchId, result, reason);
    await admin.clickButton('Confirm', { messageId });
    return admin.lastReply()!;
  }

  it('refuses everyone but the configured admins, before anything runs', async () => {
    const m = await conflict('Ann', 'Bob');
    for (const [command, options] of [
      ['admin match', { id: m.matchId }],
      ['admin player', { user: m.bw }],
      ['admin resolve', { match: m.matchId, result: 'player_1', reason: 'I say so, really' }],
    ] as const) {
      await m.sc2.runCommand(command, options);
      expect(m.sc2.lastReply()).toMatch(/Admins only[\s\S]*This is for the ladder admins/);
    }
    expect(outcomes.filter((o) => o.userId === m.sc2.id && o.route.startsWith('/admin')).map((o) => o.queries)).toEqual([0, 0, 0]);
    expect(await audit(m.matchId)).toEqual([]);
    expect((await matchRow(m.matchId)).status).toBe('conflict');
  });

  it('looks up a match by id and a player by mention or by name', async () => {
    const m = await conflict('Cid', 'Dee');
    await admin.runCommand('admin match', { id: m.matchId });
    expect(admin.lastReply()).toMatch(new RegExp(`Match #${m.matchId}: conflict[\\s\\S]*Player 1 \\(Brood War\\): \\*\\*Cid\\w+\\*\\*[\\s\\S]*BW Zerg, 1500 at creation[\\s\\S]*Report: won`));
    await admin.runCommand('admin match', { id: 999_999 });
    expect(admin.lastReply()).toMatch(/No such match[\s\S]*There is no match #999999/);

    await admin.runCommand('admin player', { user: m.sc2 });
    expect(admin.lastReply()).toMatch(/Dee\w+[\s\S]*Admin view[\s\S]*State: idle[\s\S]*Aborts: 3 of 3 left this month/);
    const [{ player_name: name }] = await db().query(`SELECT player_name FROM players WHERE discord_id = '${m.bw.id}'`);
    await admin.runCommand('admin player', { name: name.toLowerCase() });
    expect(admin.lastReply()).toMatch(new RegExp(`${name}[\\s\\S]*Admin view`));
    await admin.runCommand('admin player', { name: 'Nobodyhere' });
    expect(admin.lastReply()).toMatch(/No player is named "Nobodyhere"/);
    await admin.runCommand('admin player', {});
    expect(admin.lastReply()).toMatch(/Player[\s\S]*mention them \(user\) or give their name \(name\)/);
  });

  it('resolves a conflict with a preview, then one statement: the result, both ratings, the audit row, the log rows, the DMs and the admin channel', async () => {
    const m = await conflict('Eve', 'Fay');
    const messageId = await preview(m.matchId, 'player_1');
    expect(admin.lastReply()).toMatch(/Resolve match #\d+: Eve\w+ wins\?[\s\S]*Eve\w+: 1500 at creation, this match \+20 \(applies \+20 now, games \+1\)[\s\S]*Reason: Screenshots sent by both players/);
    expect((await matchRow(m.matchId)).status).toBe('conflict');
    const dms = Promise.all([m.bw.waitForDm((d) => /resolved by an admin/.test(d.text)), m.sc2.waitForDm((d) => /resolved by an admin/.test(d.text))]);
    await admin.clickButton('Confirm', { messageId });
    expect(admin.lastReply()).toMatch(/resolved: Eve\w+ wins[\s\S]*BW Zerg: now 1520[\s\S]*SC2 Terran: now 1480/);
    // The preview read nothing (the match is in memory); the Confirm is one statement (on SQLite, one transaction).
    const queries = outcomes.filter((o) => o.userId === admin.id).slice(-2).map((o) => o.queries);
    if (testDriver() === 'postgres') expect(queries).toEqual([0, 1]);
    else expect(queries[0]).toBe(0);

    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1520, games_played: 1, games_won: 1, games_lost: 0, games_drawn: 0 }]);
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1480, games_played: 1, games_won: 0, games_lost: 1, games_drawn: 0 }]);
    expect(await matchRow(m.matchId)).toMatchObject({ status: 'completed', result: 'player_1', player_1_mmr_change: 20, player_2_mmr_change: -20, resolved_by: admin.id });
    expect(await audit(m.matchId)).toEqual([
      expect.objectContaining({ admin_discord_id: admin.id, action: 'resolve_match', old_value: 'conflict', new_value: 'completed: player_1', reason: 'Screenshots sent by both players' }),
    ]);
    expect(await logs(m.bw, 'admin_action')).toEqual([{ setting_name: `match:${m.matchId}`, old_value: 'conflict', new_value: 'completed: player_1', changed_by: `admin:${admin.id}` }]);
    expect(await logs(m.bw, 'rating_changed')).toEqual([{ setting_name: 'bw_zerg', old_value: '1500', new_value: '1520', changed_by: `admin:${admin.id}` }]);
    expect(await logs(m.sc2, 'rating_changed')).toEqual([{ setting_name: 'sc2_terran', old_value: '1500', new_value: '1480', changed_by: `admin:${admin.id}` }]);
    const [bwDm] = await dms;
    expect(bwDm.text).toMatch(/Eve\w+ wins\.[\s\S]*Reason: Screenshots sent by both players/);
    expect(play.render(m.dm.bw)).toMatch(/result\n\| Eve\w+ won\. \(decided by an admin\)\n\| Eve\w+, BW Zerg: 1500 -> 1520/);
    expect(adminLines().some((line) => new RegExp(`resolved match #${m.matchId} \\(Eve\\w+ v Fay\\w+\\): Eve\\w+ wins\\. Reason: Screenshots`).test(line))).toBe(true);
    await m.bw.runCommand('profile');
    expect(m.bw.lastReply()).toMatch(/BW Zerg\*\* 1520 · rank/);
  });

  it('gives the same state when resolved twice, with an audit row each and no rating moved the second time', async () => {
    const m = await conflict('Gil', 'Hue');
    await resolve(m.matchId, 'draw');
    const after = [await ratings(m.bw), await ratings(m.sc2)];
    expect(after[0]).toEqual([{ race: 'bw_zerg', mmr: 1500, games_played: 1, games_won: 0, games_lost: 0, games_drawn: 1 }]);
    expect(await resolve(m.matchId, 'draw')).toMatch(/resolved: a draw/);
    expect([await ratings(m.bw), await ratings(m.sc2)]).toEqual(after);
    expect((await audit(m.matchId)).map((row: { old_value: string; new_value: string }) => [row.old_value, row.new_value])).toEqual([
      ['conflict', 'completed: draw'],
      ['completed: draw', 'completed: draw'],
    ]);
    expect(await logs(m.bw, 'rating_changed')).toHaveLength(1);
  });

  it('turns a resolution around after a later match by the difference only: ratings and counters as computed by hand', async () => {
    const m = await conflict('Ivy', 'Jay');
    await resolve(m.matchId, 'player_1');
    // A second match between the two, from 1520 v 1480, which the StarCraft II player wins: 40 x 0.5459 = 22.
    const second = await play.played(m.bw, m.sc2);
    await play.report(m.bw, second.dm.bw, 'I lost');
    await play.report(m.sc2, second.dm.sc2, 'I won');
    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1498, games_played: 2, games_won: 1, games_lost: 1, games_drawn: 0 }]);
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1502, games_played: 2, games_won: 1, games_lost: 1, games_drawn: 0 }]);

    // The first match now goes the other way: from 1500 v 1500 that is -20 / +20, so 40 moves each way; the later match stays.
    await resolve(m.matchId, 'player_2');
    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1458, games_played: 2, games_won: 0, games_lost: 2, games_drawn: 0 }]);
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1542, games_played: 2, games_won: 2, games_lost: 0, games_drawn: 0 }]);
    expect(await logs(m.bw, 'rating_changed')).toEqual(expect.arrayContaining([{ setting_name: 'bw_zerg', old_value: '1520', new_value: '1480', changed_by: `admin:${admin.id}` }]));
  });

  it('takes a cancelled completed match\'s game out of both counters, and its change out of both ratings', async () => {
    const m = await play.played(await play.player('Kit'), await play.player('Lee'));
    await play.report(m.bw, m.dm.bw, 'I won');
    await play.report(m.sc2, m.dm.sc2, 'I lost');
    expect((await ratings(m.bw))[0]).toMatchObject({ mmr: 1520, games_played: 1 });
    expect(await resolve(m.matchId, 'cancel', 'Smurf account, match void')).toMatch(/resolved: cancelled: no game for anyone/);
    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1500, games_played: 0, games_won: 0, games_lost: 0, games_drawn: 0 }]);
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1500, games_played: 0, games_won: 0, games_lost: 0, games_drawn: 0 }]);
    expect(await matchRow(m.matchId)).toMatchObject({ status: 'cancelled', result: null, player_1_mmr_change: 0, completed_at: null });
    expect(play.render(m.dm.sc2)).toMatch(/cancelled\n\| An admin cancelled it/);
    await m.bw.runCommand('history');
    expect(m.bw.lastReply()).not.toMatch(new RegExp(`#${m.matchId}\\)`));
  });

  it('frees nobody twice: players freed by the conflict keep what they did since', async () => {
    const m = await conflict('Max', 'Neo');
    await play.queue(m.bw, { bw: 'bw_zerg' });
    expect(await activity(m.bw)).toBe('queued');
    expect(await resolve(m.matchId, 'player_2')).toMatch(/resolved: Neo\w+ wins/);
    expect(await matchRow(m.matchId)).toMatchObject({ status: 'completed', result: 'player_2' });
    expect(await activity(m.bw)).toBe('queued');
    expect(await activity(m.sc2)).toBe('idle');
    expect(await db().query(`SELECT 1 FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id WHERE p.discord_id = '${m.bw.id}'`)).toHaveLength(1);
    await m.bw.runCommand('queue');
    expect(m.bw.lastReply()).toMatch(/Searching for a match/);
    await m.bw.clickButton('Leave');
  });

  it('frees both players of a match still awaiting reports, and ends their DMs', async () => {
    const m = await play.played(await play.player('Oda'), await play.player('Pia'));
    expect(await activity(m.bw)).toBe('in_match');
    await resolve(m.matchId, 'player_1', 'Opponent confirmed the win in chat');
    expect([await activity(m.bw), await activity(m.sc2)]).toEqual(['idle', 'idle']);
    expect(play.render(m.dm.bw)).toMatch(/result\n\| Oda\w+ won\. \(decided by an admin\)/);
    await m.sc2.runCommand('queue');
    expect(m.sc2.lastReply()).not.toMatch(/in a match/i);
  });

  it('applies nothing from a preview the match moved on since, and says so', async () => {
    const m = await conflict('Quinn', 'Rex');
    const first = await preview(m.matchId, 'player_1');
    await resolve(m.matchId, 'player_2');
    await admin.clickButton('Confirm', { messageId: first });
    expect(admin.lastReply()).toMatch(/changed since this preview[\s\S]*It is now completed \(player 2\)\. Nothing was applied/);
    expect(await matchRow(m.matchId)).toMatchObject({ result: 'player_2' });
    expect(await audit(m.matchId)).toHaveLength(1);
  });

  it('applies a storm of 20 simultaneous Confirms once', async () => {
    const m = await conflict('Sam', 'Tia');
    const messageId = await preview(m.matchId, 'player_1');
    await Promise.all(Array.from({ length: 20 }, () => admin.clickButton('Confirm', { messageId })));
    expect(await audit(m.matchId)).toHaveLength(1);
    expect((await ratings(m.bw))[0]).toMatchObject({ mmr: 1520, games_played: 1 });
    expect(await logs(m.bw, 'admin_action')).toHaveLength(1);
  });

  it('tells a player whose DMs are closed through the admin channel, never the public one', async () => {
    const m = await conflict('Yan', 'Zoe');
    m.sc2.closeDms();
    await resolve(m.matchId, 'draw', 'No replay from either side');
    m.sc2.openDms();
    expect(adminLines().some((line) => line.includes(`Could not DM <@${m.sc2.id}> about match #${m.matchId}`))).toBe(true);
    const publicLines = e2e.emulator.state.visibleMessages(m.bw.id, e2e.emulator.ladderChannelId).map((stored) => renderMessage(stored.message));
    expect(publicLines.filter((line) => line.includes('No replay from either side') || line.includes('Could not DM'))).toEqual([]);
  });

  it('refuses a match that cannot be resolved, and a Cancel changes nothing', async () => {
    const m = await play.matched(await play.player('Uma'), await play.player('Val'));
    await admin.runCommand('admin resolve', { match: m.matchId, result: 'draw', reason: 'Not played yet' });
    expect(admin.lastReply()).toMatch(/Not resolvable[\s\S]*awaiting confirmation: only a match awaiting reports, in conflict, completed or cancelled can be resolved/);
    const c = await conflict('Wes', 'Xia');
    const messageId = await preview(c.matchId, 'cancel');
    await admin.clickButton('Cancel', { messageId });
    expect(admin.lastReply()).toMatch(/Cancelled[\s\S]*Nothing was changed/);
    expect((await matchRow(c.matchId)).status).toBe('conflict');
  });
});
