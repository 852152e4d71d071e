import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { LadderMetrics } from '../src/common/metrics/ladder-metrics';
import { DriverUser } from '../src/emulator';
import { MatchDeadlines } from '../src/modules/matches/match-deadlines';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { E2e, startE2e } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';


describe(`the match-found step: confirm, abort, timeout, the match card (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    e2e = await startE2e({ clock, env: { LOBBY_CHANNEL: 'LadderLobby' } });
    outcomes = recordedOutcomes(e2e.app);
    play = new LadderPlay(e2e);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);
  const matchRow = async (id: number) => (await db().query(`SELECT * FROM matches_1v1 WHERE id = ${id}`))[0];
  const playerRow = async (user: DriverUser) =>
    (await db().query(`SELECT activity, aborts_used, aborts_month, current_match_id FROM players WHERE discord_id = '${user.id}'`))[0];
  const logs = async (user: DriverUser, action: string) => db().query(`SELECT new_value FROM player_action_logs WHERE discord_id = '${user.id}' AND action = '${action}'`);
  /** A message as its reader sees it now. */
  const render = (messageId: string) => play.render(messageId);

  const newPlayer = (name: string, region = 'EUW', country = 'DE') => play.player(name, { region, country });
  const matched = (bw: DriverUser, sc2: DriverUser) => play.matched(bw, sc2);

  const confirmRoute = 'match/confirm/:matchId';
  const outcomeCount = async (outcome: string) => {
    const text = await e2e.app.get(LadderMetrics).registry.getSingleMetricAsString('ladder_match_outcomes_total');
    return Number(new RegExp(`outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };
  const awaiting = async () => Number((await db().query(`SELECT count(*) AS n FROM matches_1v1 WHERE status = 'awaiting_confirmation'`))[0].n);

  it('takes both Confirms, one after the other, and turns both DMs into the match card', async () => {
    const m = await matched(await newPlayer('Ann', 'EUW', 'FR'), await newPlayer('Bob', 'EUE', 'PL'));
    await m.bw.clickButton('Confirm', { messageId: m.dm.bw });
    expect(testDriver() === 'postgres' ? outcomes.find((o) => o.route === confirmRoute && o.userId === m.bw.id)?.queries : 1).toBe(1);
    expect(render(m.dm.bw)).toMatch(/You confirmed\. Waiting for \w+ to confirm\.\n\[Confirmed \(disabled\)\] \[Abort \(3 of 3 left this month\)\]/);
    expect(render(m.dm.sc2)).toMatch(/Confirm by <t:\d+:R>\. \w+ confirmed\.\n\[Confirm\] \[Abort/);

    await m.sc2.clickButton('Confirm', { messageId: m.dm.sc2 });
    for (const messageId of [m.dm.bw, m.dm.sc2]) {
      const card = render(messageId);
      expect(card).toMatch(new RegExp(`Match #${m.matchId}: both confirmed, play!`));
      expect(card).toMatch(/Brood War: \*\*Ann\w+\*\* 🇫🇷 France\n\| BW Zerg \(1500, unranked\)\n\| BattleTag: Ann\w+#1234/);
      expect(card).toMatch(/StarCraft II: \*\*Bob\w+\*\* 🇵🇱 Poland\n\| SC2 Terran \(1500, unranked\)/);
      expect(card).toMatch(/Map: .+\n\| battlenet:\/\/starcraft\/map\/2\/\d+/);
      expect(card).toMatch(/Lobby: Locked alliances: yes\n\| Privacy: normal\n\| Speed: faster\n\| Duration: infinite\n\| Channel: LadderLobby/);
    }
    const row = await matchRow(m.matchId);
    expect(row.status).toBe('confirmed');
    expect(row.player_1_confirmed_at).not.toBeNull();
    expect(row.report_deadline).not.toBeNull();
    expect(await logs(m.bw, 'match_confirmed')).toEqual([{ new_value: String(m.matchId) }]);
    expect(await e2e.app.get(LadderMetrics).registry.getSingleMetricAsString('ladder_match_outcomes_total')).toMatch(/outcome="confirmed"\} 1/);
  });

  it('counts two Confirms clicked at the same moment, and both DMs end on the card', async () => {
    const m = await matched(await newPlayer('Cat'), await newPlayer('Dan'));
    await Promise.all([m.bw.clickButton('Confirm', { messageId: m.dm.bw }), m.sc2.clickButton('Confirm', { messageId: m.dm.sc2 })]);
    expect((await matchRow(m.matchId)).status).toBe('confirmed');
    expect(render(m.dm.bw)).toMatch(/both confirmed, play!/);
    expect(render(m.dm.sc2)).toMatch(/both confirmed, play!/);
    expect(await logs(m.bw, 'match_confirmed')).toHaveLength(1);
    expect(await logs(m.sc2, 'match_confirmed')).toHaveLength(1);
  });

  it('gives one confirmation for 20 simultaneous clicks on Confirm', async () => {
    const m = await matched(await newPlayer('Eva'), await newPlayer('Fin'));
    const clicks = await Promise.all(Array.from({ length: 20 }, () => m.bw.clickButton('Confirm', { messageId: m.dm.bw })));
    expect(clicks.filter((click) => click.acknowledged && !click.failed)).toHaveLength(20);
    expect(await logs(m.bw, 'match_confirmed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.userId === m.bw.id && o.route === confirmRoute && o.duplicate)).toHaveLength(19);
    expect(render(m.dm.bw)).toMatch(/You confirmed\./);
  });

  it('aborts in two clicks: one of the aborter\'s aborts used, the opponent not charged, both free to queue', async () => {
    const m = await matched(await newPlayer('Gus'), await newPlayer('Hal'));
    await m.bw.clickButton('Abort (3 of 3 left this month)', { messageId: m.dm.bw });
    expect(render(m.dm.bw)).toMatch(/Abort this match\?[\s\S]*\[Confirm abort\] \[Back\]/);
    await m.bw.clickButton('Back', { messageId: m.dm.bw });
    expect(render(m.dm.bw)).toMatch(/\[Confirm\] \[Abort \(3 of 3 left this month\)\]/);
    await m.bw.clickButton('Abort (3 of 3 left this month)', { messageId: m.dm.bw });
    await m.bw.clickButton('Confirm abort', { messageId: m.dm.bw });

    expect(render(m.dm.bw)).toMatch(new RegExp(`Match #${m.matchId} aborted\\n\\| You aborted it; 2 aborts left this month`));
    expect(render(m.dm.sc2)).toMatch(/aborted it\. Nothing was charged to you/);
    expect(await playerRow(m.bw)).toMatchObject({ activity: 'idle', aborts_used: 1, aborts_month: '2026-12', current_match_id: null });
    expect(await playerRow(m.sc2)).toMatchObject({ activity: 'idle', aborts_used: 0 });
    expect((await matchRow(m.matchId)).status).toBe('aborted');
    expect(await logs(m.bw, 'match_aborted')).toHaveLength(1);
    await m.sc2.runCommand('queue');
    expect(m.sc2.lastReply()).toMatch(/Choose a race/);
  });

  it('gives one abort for 20 simultaneous clicks on Confirm abort', async () => {
    const m = await matched(await newPlayer('Ian'), await newPlayer('Jo'));
    await m.sc2.clickButton('Abort (3 of 3 left this month)', { messageId: m.dm.sc2 });
    await Promise.all(Array.from({ length: 20 }, () => m.sc2.clickButton('Confirm abort', { messageId: m.dm.sc2 })));
    expect(await playerRow(m.sc2)).toMatchObject({ aborts_used: 1 });
    expect(await logs(m.sc2, 'match_aborted')).toHaveLength(1);
  });

  it('disables Abort with no aborts left, and gives all of them back in a new month (UTC)', async () => {
    const kim = await newPlayer('Kim');
    const opponents = [await newPlayer('Lou'), await newPlayer('Max'), await newPlayer('Ned'), await newPlayer('Oli')];
    for (const opponent of opponents.slice(0, 3)) {
      const m = await matched(kim, opponent);
      await kim.clickButton(/Abort/.test(render(m.dm.bw)) ? `Abort (${3 - opponents.indexOf(opponent)} of 3 left this month)` : 'Abort', { messageId: m.dm.bw });
      await kim.clickButton('Confirm abort', { messageId: m.dm.bw });
    }
    const last = await matched(kim, opponents[3]);
    expect(render(last.dm.bw)).toMatch(/\[Abort \(0 of 3 left this month\) \(disabled\)\]/);
    await kim.clickButton('Confirm', { messageId: last.dm.bw });
    await opponents[3].clickButton('Confirm', { messageId: last.dm.sc2 });

    clock.set(new Date('2027-01-01T00:00:05.000Z'));
    const next = await newPlayer('Pia');
    const fresh = await matched(await newPlayer('Quin'), next);
    expect(render(fresh.dm.bw)).toMatch(/\[Abort \(3 of 3 left this month\)\]/);
    // Kim's own quota comes back too, with no job run: it is read against the month.
    expect(e2e.app.get(PlayerDirectory).get(kim.id)).toMatchObject({ abortsUsed: 3, abortsMonth: '2026-12' });
  });

  it('reminds whoever has not confirmed at a third of the window, then abandons the match at the deadline, charging nobody', async () => {
    const m = await matched(await newPlayer('Ray'), await newPlayer('Sue'));
    await m.bw.clickButton('Confirm', { messageId: m.dm.bw });
    const reminder = m.sc2.waitForDm((message) => /please confirm/.test(message.text));
    clock.advance(21_000);
    await e2e.app.get(MatchDeadlines).fireDue();
    expect((await reminder).text).toMatch(new RegExp(`Match #${m.matchId}: please confirm`));
    expect(m.bw.dms().filter((text) => /please confirm/.test(text))).toEqual([]);

    const lapsing = await awaiting();
    const timedOut = await outcomeCount('timed_out');
    clock.advance(40_000);
    await e2e.app.get(MatchDeadlines).fireDue();
    expect(await outcomeCount('timed_out')).toBe(timedOut + lapsing);
    expect(await awaiting()).toBe(0);
    expect((await matchRow(m.matchId)).status).toBe('timed_out');
    for (const messageId of [m.dm.bw, m.dm.sc2]) expect(render(messageId)).toMatch(/abandoned\n\| Not confirmed in time by Sue\w+\. Nobody was charged an abort/);
    expect(await playerRow(m.bw)).toMatchObject({ activity: 'idle', aborts_used: 0 });
    expect(await playerRow(m.sc2)).toMatchObject({ activity: 'idle', aborts_used: 0 });
  });

  it('refuses a third person\'s click on someone else\'s Confirm and changes nothing', async () => {
    const m = await matched(await newPlayer('Tom'), await newPlayer('Uma'));
    const eve = await newPlayer('Eve');
    const before = render(m.dm.bw);
    const record = e2e.emulator.clickComponent({ userId: eve.id, messageId: m.dm.bw, customId: `match/confirm/${m.matchId}` });
    await e2e.driver.track(record, eve.username, 'click Confirm on another player\'s DM');
    expect(eve.lastReply()).toMatch(/Not your match/);
    expect(render(m.dm.bw)).toBe(before);
    expect((await matchRow(m.matchId)).player_1_confirmed_at).toBeNull();
    expect(await logs(eve, 'match_confirmed')).toEqual([]);
    await m.bw.clickButton('Abort (3 of 3 left this month)', { messageId: m.dm.bw });
    await m.bw.clickButton('Confirm abort', { messageId: m.dm.bw });
  });

});
