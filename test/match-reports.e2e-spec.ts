import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { DriverUser } from '../src/emulator';
import { renderMessage } from '../src/emulator/render';
import { MatchDeadlines } from '../src/modules/matches/match-deadlines';
import { E2e, startE2e } from './support/e2e';
import { LadderPlay, ReportLabel } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

const DAY = 86_400_000;

describe(`reports, results and per-race ratings (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    e2e = await startE2e({ clock, env: (driver) => ({ ADMIN_CHANNEL_ID: driver.emulator.adminChannelId }) });
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
  const render = (messageId: string) => play.render(messageId);
  const match = async (id: number) => (await db().query(`SELECT * FROM matches_1v1 WHERE id = ${id}`))[0];
  const ratings = async (user: DriverUser) =>
    db().query(
      `SELECT r.race, r.mmr, r.games_played, r.games_won, r.games_lost, r.games_drawn FROM mmrs_1v1 r JOIN players p ON p.id = r.player_id WHERE p.discord_id = '${user.id}' ORDER BY r.race`,
    );
  const activity = async (user: DriverUser) => (await db().query(`SELECT activity FROM players WHERE discord_id = '${user.id}'`))[0].activity;
  const adminLines = () => e2e.emulator.state.visibleMessages(e2e.driver.user('admin').id, e2e.emulator.adminChannelId).map((m) => renderMessage(m.message));

  async function newPlayer(name: string, rating?: { race: string; mmr: number }): Promise<DriverUser> {
    const user = await play.player(name);
    if (rating) {
      const at = clock.now().toISOString();
      await db().query(
        `INSERT INTO mmrs_1v1 (player_id, race, mmr, games_played, games_won, games_lost, games_drawn, created_at, updated_at)
         SELECT id, '${rating.race}', ${rating.mmr}, 0, 0, 0, 0, '${at}', '${at}' FROM players WHERE discord_id = '${user.id}'`,
      );
    }
    return user;
  }
  const played = (bw: DriverUser, sc2: DriverUser) => play.played(bw, sc2);
  const report = (user: DriverUser, messageId: string, label: ReportLabel) => play.report(user, messageId, label);

  it('completes on agreeing reports: 1500 v 1500, the BW player wins, 1520 / 1480, in the DMs, the admin channel and both profiles', async () => {
    e2e.driver.createUser('admin', { admin: true });
    const m = await played(await newPlayer('Ann'), await newPlayer('Bob'));
    // Both profiles viewed before the result, so the cached views are the ones that must change.
    await m.bw.runCommand('profile');
    await m.sc2.runCommand('profile');
    expect(m.bw.lastReply()).not.toMatch(/1520/);
    await report(m.bw, m.dm.bw, 'I won');
    expect(render(m.dm.bw)).toMatch(/You reported "I won"; you can change it until the match completes\.\n\| Bob\w+ has not reported yet\./);
    expect(render(m.dm.sc2)).toMatch(/Ann\w+ has reported\./);
    expect(m.sc2.dms().some((text) => /your opponent reported/.test(text))).toBe(true);

    await report(m.sc2, m.dm.sc2, 'I lost');
    if (testDriver() === 'postgres') expect(outcomes.filter((o) => o.route === 'report/confirm/:matchId/:result/:rev' && o.userId === m.sc2.id).map((o) => o.queries)).toEqual([1]);
    for (const messageId of [m.dm.bw, m.dm.sc2]) {
      expect(render(messageId)).toMatch(/Match #\d+: result\n\| Ann\w+ won\.\n\| Ann\w+, BW Zerg: 1500 -> 1520 \(\+20\)\n\| Bob\w+, SC2 Terran: 1500 -> 1480 \(-20\)/);
    }
    expect(await match(m.matchId)).toMatchObject({ status: 'completed', result: 'player_1', player_1_mmr_change: 20, player_2_mmr_change: -20 });
    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1520, games_played: 1, games_won: 1, games_lost: 0, games_drawn: 0 }]);
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1480, games_played: 1, games_won: 0, games_lost: 1, games_drawn: 0 }]);
    expect([await activity(m.bw), await activity(m.sc2)]).toEqual(['idle', 'idle']);
    expect(adminLines().some((line) => new RegExp(`Match #${m.matchId} .*Ann\\w+ won\\. .*1500 -> 1520`).test(line))).toBe(true);
    await m.bw.runCommand('profile');
    expect(m.bw.lastReply()).toMatch(/BW Zerg\*\* 1520 · rank C \(#1 of 2\) · 1-0-0/);
    await m.sc2.runCommand('profile');
    expect(m.sc2.lastReply()).toMatch(/SC2 Terran\*\* 1480 · rank D \(#2 of 2\) · 0-1-0/);
    expect(outcomes.filter((o) => o.route === '/profile' && o.userId === m.bw.id).map((o) => o.queries)).toEqual([1, 0]);
  });

  it('rates a draw from the ratings at creation: 1600 v 1400 gives 1591 / 1409', async () => {
    const m = await played(await newPlayer('Cid', { race: 'bw_zerg', mmr: 1600 }), await newPlayer('Dee', { race: 'sc2_terran', mmr: 1400 }));
    await report(m.bw, m.dm.bw, 'Draw');
    await report(m.sc2, m.dm.sc2, 'Draw');
    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1591, games_played: 1, games_won: 0, games_lost: 0, games_drawn: 1 }]);
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1409, games_played: 1, games_won: 0, games_lost: 0, games_drawn: 1 }]);
  });

  it('leaves conflicting reports in conflict: the admin channel told, both players free, ratings unchanged', async () => {
    const m = await played(await newPlayer('Eli'), await newPlayer('Fay'));
    await report(m.bw, m.dm.bw, 'I won');
    await report(m.sc2, m.dm.sc2, 'I won');
    expect((await match(m.matchId)).status).toBe('conflict');
    expect(render(m.dm.bw)).toMatch(/the reports conflict\n\| You reported "I won", Fay\w+ reported "I won"\. An admin will resolve it/);
    expect(adminLines().some((line) => line.includes(`Match #${m.matchId}`) && line.includes('conflict'))).toBe(true);
    expect(await ratings(m.bw)).toEqual([]);
    expect([await activity(m.bw), await activity(m.sc2)]).toEqual(['idle', 'idle']);
  });

  it('takes "I won", "I lost", "I won" before the opponent reports as three reports, the last standing', async () => {
    const m = await played(await newPlayer('Gil'), await newPlayer('Hud'));
    await report(m.bw, m.dm.bw, 'I won');
    await report(m.bw, m.dm.bw, 'I lost');
    await report(m.bw, m.dm.bw, 'I won');
    expect(await match(m.matchId)).toMatchObject({ player_1_report: 'won', player_1_report_rev: 3, status: 'confirmed' });
    await report(m.sc2, m.dm.sc2, 'I lost');
    expect(await match(m.matchId)).toMatchObject({ status: 'completed', result: 'player_1' });
    const logs = await db().query(`SELECT new_value FROM player_action_logs WHERE discord_id = '${m.bw.id}' AND action = 'match_reported' ORDER BY id`);
    expect(logs.map((row: { new_value: string }) => row.new_value)).toEqual(['won', 'lost', 'won']);
  });

  it('completes once when both report at the same moment', async () => {
    const m = await played(await newPlayer('Ivy'), await newPlayer('Jay'));
    await m.bw.clickButton('I lost', { messageId: m.dm.bw });
    await m.sc2.clickButton('I won', { messageId: m.dm.sc2 });
    await Promise.all([m.bw.clickButton('Confirm: I lost', { messageId: m.dm.bw }), m.sc2.clickButton('Confirm: I won', { messageId: m.dm.sc2 })]);
    expect(await match(m.matchId)).toMatchObject({ status: 'completed', result: 'player_2' });
    expect(await ratings(m.sc2)).toEqual([{ race: 'sc2_terran', mmr: 1520, games_played: 1, games_won: 1, games_lost: 0, games_drawn: 0 }]);
    expect(render(m.dm.bw)).toMatch(/result\n\| Jay\w+ won\./);
    expect(render(m.dm.sc2)).toMatch(/result\n\| Jay\w+ won\./);
  });

  it('gives one effect for 20 simultaneous clicks on each report button and on Confirm, and applies the ratings once', async () => {
    const m = await played(await newPlayer('Kit'), await newPlayer('Lee'));
    await Promise.all(Array.from({ length: 20 }, () => m.bw.clickButton('I won', { messageId: m.dm.bw })));
    await Promise.all(Array.from({ length: 20 }, () => m.bw.clickButton('Confirm: I won', { messageId: m.dm.bw })));
    await Promise.all(Array.from({ length: 20 }, () => m.sc2.clickButton('I lost', { messageId: m.dm.sc2 })));
    await Promise.all(Array.from({ length: 20 }, () => m.sc2.clickButton('Confirm: I lost', { messageId: m.dm.sc2 })));
    const reported = await db().query(`SELECT discord_id FROM player_action_logs WHERE action = 'match_reported' AND discord_id IN ('${m.bw.id}', '${m.sc2.id}')`);
    expect(reported).toHaveLength(2);
    expect(await ratings(m.bw)).toEqual([{ race: 'bw_zerg', mmr: 1520, games_played: 1, games_won: 1, games_lost: 0, games_drawn: 0 }]);
    expect(await db().query(`SELECT count(*) AS n FROM player_action_logs WHERE idempotency_key LIKE 'complete:${m.matchId}:%'`)).toEqual([{ n: testDriver() === 'postgres' ? '2' : 2 }]);
  });

  it('refuses a third person\'s forged report and changes nothing', async () => {
    const m = await played(await newPlayer('Max'), await newPlayer('Nia'));
    const eve = await newPlayer('Eve');
    const before = render(m.dm.bw);
    const record = e2e.emulator.clickComponent({ userId: eve.id, messageId: m.dm.bw, customId: `report/choose/${m.matchId}/won` });
    await e2e.driver.track(record, eve.username, 'forge a report');
    expect(eve.lastReply()).toMatch(/Not your match/);
    expect(render(m.dm.bw)).toBe(before);
    expect((await match(m.matchId)).player_1_report).toBeNull();
    await report(m.bw, m.dm.bw, 'I won');
    await report(m.sc2, m.dm.sc2, 'I lost');
  });

  it('lets a lone report stand at the deadline, after reminding the other player at once and halfway', async () => {
    const m = await played(await newPlayer('Oz'), await newPlayer('Pam'));
    await report(m.sc2, m.dm.sc2, 'I won');
    const halfway = m.bw.waitForDm((message) => /please report/.test(message.text));
    clock.advance(DAY / 2 + 1000);
    await e2e.app.get(MatchDeadlines).fireDue();
    await halfway;
    clock.advance(DAY / 2);
    await e2e.app.get(MatchDeadlines).fireDue();
    expect(await match(m.matchId)).toMatchObject({ status: 'completed', result: 'player_2', player_2_mmr_change: 20 });
    expect(render(m.dm.bw)).toMatch(/Pam\w+ won\. \(the one report stood at the deadline\)/);
  });

  it('cancels a match nobody reported, without rating change, and tells the admin channel', async () => {
    const m = await played(await newPlayer('Quy'), await newPlayer('Rex'));
    clock.advance(DAY + 1000);
    await e2e.app.get(MatchDeadlines).fireDue();
    expect((await match(m.matchId)).status).toBe('cancelled');
    expect(render(m.dm.bw)).toMatch(/cancelled\n\| Nobody reported a result by the deadline/);
    expect(adminLines().some((line) => line.includes(`Match #${m.matchId}`) && line.includes('cancelled'))).toBe(true);
    expect(await ratings(m.bw)).toEqual([]);
    expect([await activity(m.bw), await activity(m.sc2)]).toEqual(['idle', 'idle']);
  });
});
