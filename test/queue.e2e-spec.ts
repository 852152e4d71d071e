import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { LadderMetrics } from '../src/common/metrics/ladder-metrics';
import { QueryCounter } from '../src/database/query-counter';
import { DriverUser } from '../src/emulator';
import { WaveService } from '../src/modules/matches/wave.service';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { QueueRoster } from '../src/modules/queue/queue-roster';
import { StaticDataService } from '../src/modules/static-data/static-data.service';
import { E2e, startE2e } from './support/e2e';
import { readyPlayer } from './support/ladder-players';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

/** A guarded write: one round trip on PostgreSQL; on SQLite one local transaction of several statements. */
const oneRoundTrip = (queries: number | undefined) => (testDriver() === 'postgres' ? expect(queries).toBe(1) : expect(queries).toBeGreaterThan(0));

describe(`queue and waves: /queue, Join, Leave, matches and the match-found DM (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  let people = 0;

  beforeAll(async () => {
    e2e = await startE2e({ env: (driver) => ({ LADDER_CHANNEL_ID: driver.emulator.ladderChannelId }) });
    outcomes = recordedOutcomes(e2e.app);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);
  const last = (route: string, user: DriverUser) => [...outcomes].reverse().find((outcome) => outcome.route === route && outcome.userId === user.id && !outcome.duplicate);
  const mapName = (code: string) => e2e.app.get(StaticDataService).catalog.map(code)!.name;
  const entryOf = async (user: DriverUser) =>
    (await db().query(`SELECT q.bw_race, q.sc2_race, q.vetoes FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id WHERE p.discord_id = '${user.id}'`))[0];
  const activityOf = async (user: DriverUser) => (await db().query(`SELECT activity FROM players WHERE discord_id = '${user.id}'`))[0]?.activity;
  const joinLogs = async (user: DriverUser) => db().query(`SELECT new_value FROM player_action_logs WHERE discord_id = '${user.id}' AND action = 'queue_joined'`);

  /** A new player, ready to queue; names are letters only, as setup requires. */
  async function newPlayer(region: string, country = 'DE'): Promise<DriverUser> {
    people += 1;
    const name = `Pl${String.fromCharCode(97 + (people % 26))}${String.fromCharCode(97 + Math.floor(people / 26))}`;
    return readyPlayer(e2e.driver.createUser(name.toLowerCase()), { name, country, region });
  }

  /** Opens /queue, picks the given races and vetoes (map codes), and joins. */
  async function queue(user: DriverUser, choice: { bw?: string; sc2?: string; vetoes?: string[] }): Promise<void> {
    await user.runCommand('queue');
    if (choice.bw) await user.choose('queue/bw/', [choice.bw]);
    if (choice.sc2) await user.choose('queue/sc2/', [choice.sc2]);
    if (choice.vetoes) await user.choose('queue/vetoes/', choice.vetoes);
    await user.clickButton('Join');
    expect(user.lastReply()).toMatch(/Searching for a match/);
  }

  it('matches a BW-only and an SC2-only player: both get the DM with a map neither vetoed and the expected server', async () => {
    const bwOnly = await newPlayer('EUW', 'FR');
    const sc2Only = await newPlayer('KRJ', 'KR');
    await queue(bwOnly, { bw: 'bw_zerg', vetoes: ['holy_world', 'radeon', 'sylphid', 'vermeer'] });
    oneRoundTrip(last('queue/join/:version/:bw/:sc2/:vetoes/:pool', bwOnly)?.queries);
    await queue(sc2Only, { sc2: 'sc2_terran', vetoes: ['celestial_enclave', 'keres_passage', 'khione', 'mothership'] });
    expect(bwOnly.lastReply()).toMatch(/Searching since <t:\d+:R> as \*\*BW Zerg\*\* \(1500\)[\s\S]*Vetoed: Holy World/);
    expect(sc2Only.lastReply()).toMatch(/In the queue when you last clicked: 1 Brood War, 1 StarCraft II/);

    const dms = Promise.all([bwOnly.waitForDm((m) => /Match found/.test(m.text)), sc2Only.waitForDm((m) => /Match found/.test(m.text))]);
    const report = await e2e.app.get(WaveService).runNext();
    expect(report.created).toHaveLength(1);
    const [bwDm, sc2Dm] = await dms;

    const catalog = e2e.app.get(StaticDataService).catalog;
    const server = catalog.chooseServer('EUW', 'KRJ').server;
    const [match] = await db().query(`SELECT * FROM matches_1v1 WHERE id = ${report.created[0]}`);
    expect(match).toMatchObject({ player_1_race: 'bw_zerg', player_2_race: 'sc2_terran', player_1_mmr: 1500, player_2_mmr: 1500, map_code: 'ruby_rock', server_code: server.code });
    expect(bwDm.text).toMatch(new RegExp(`Match found: #${match.id}[\\s\\S]*You play \\*\\*BW Zerg\\*\\* \\(1500\\) against \\*\\*${sc2Only.username.replace(/^./, (c) => c.toUpperCase())}\\*\\* 🇰🇷 South Korea, \\*\\*SC2 Terran\\*\\* \\(1500\\)`));
    expect(bwDm.text).toMatch(new RegExp(`Map: ${mapName('ruby_rock')}`));
    expect(bwDm.text).toMatch(new RegExp(`Server: ${server.name} \\(${server.code}\\): about \\d+ ms for you, \\d+ ms for`));
    expect(bwDm.text).toMatch(/Confirm: Confirm by <t:\d+:R>\. Waiting for Pl\w+ to confirm\.\n\[Confirm\] \[Abort \(3 of 3 left this month\)\]/);
    expect(sc2Dm.text).toMatch(/You play \*\*SC2 Terran\*\* \(1500\) against \*\*Pl\w+\*\* 🇫🇷 France, \*\*BW Zerg\*\*/);

    expect(await activityOf(bwOnly)).toBe('in_match');
    expect(await activityOf(sc2Only)).toBe('in_match');
    expect(await entryOf(bwOnly)).toBeUndefined();
    expect(e2e.app.get(QueueRoster).size).toBe(0);
    expect(bwOnly.lastReply()).toMatch(new RegExp(`Match found[\\s\\S]*match #${match.id} is ready: see your DMs`));

    await bwOnly.runCommand('queue');
    expect(bwOnly.lastReply()).toMatch(new RegExp(`You are in match #${match.id}, found <t:\\d+:R>: see your DMs`));
  });

  it('sends nothing to the database for a wave while nobody is queued', async () => {
    expect(e2e.app.get(QueueRoster).size).toBe(0);
    const counter = e2e.app.get(QueryCounter);
    const before = counter.total;
    const report = await e2e.app.get(WaveService).runNext();
    expect(report).toMatchObject({ queued: 0, created: [] });
    expect(counter.total).toBe(before);
  });

  it('opens /queue pre-filled from the saved preferences with no round trip, and a Join right after a select uses the new choice', async () => {
    const cid = await newPlayer('NAE', 'US');
    await cid.runCommand('queue');
    await cid.choose('queue/bw/', ['bw_terran']);
    oneRoundTrip(last('queue/bw/:sc2/:vetoes/:pool', cid)?.queries);
    await cid.choose('queue/vetoes/', ['khione']);
    await cid.runCommand('queue');
    expect(last('/queue', cid)?.queries).toBe(0);
    expect(cid.lastReply()).toMatch(/Brood War: \*\*BW Terran\*\*\n\| StarCraft II: \*\*none\*\*\n\| Vetoed: Khione\n/);

    await cid.choose('queue/bw/', ['bw_protoss']);
    await cid.choose('queue/sc2/', ['sc2_zerg']);
    await cid.clickButton('Join');
    expect(await entryOf(cid)).toEqual({ bw_race: 'bw_protoss', sc2_race: 'sc2_zerg', vetoes: '["khione"]' });
    expect(await joinLogs(cid)).toEqual([{ new_value: JSON.stringify({ races: ['bw_protoss', 'sc2_zerg'], vetoes: ['khione'] }) }]);
    await cid.clickButton('Leave');
  });

  it('refuses Join without a race, with the reason, and writes nothing', async () => {
    const dee = await newPlayer('EUE', 'PL');
    await dee.runCommand('queue');
    await dee.clickButton('Join');
    expect(dee.lastReply()).toMatch(/Choose at least one race to join/);
    expect(last('queue/join/:version/:bw/:sc2/:vetoes/:pool', dee)?.queries).toBe(0);
    expect(await activityOf(dee)).toBe('idle');
  });

  it('takes Join, Leave, Join on one message as two joins and a leave', async () => {
    const eli = await newPlayer('SAM', 'BR');
    await eli.runCommand('queue');
    const message = e2e.driver.lastReply(eli.id)!.message.id;
    await eli.choose('queue/sc2/', ['sc2_protoss']);
    await eli.clickButton('Join', { messageId: message });
    expect(await activityOf(eli)).toBe('queued');
    await eli.clickButton('Leave', { messageId: message });
    expect(eli.lastReply()).toMatch(/You left the queue[\s\S]*StarCraft II: \*\*SC2 Protoss\*\*/);
    oneRoundTrip(last('queue/leave', eli)?.queries);
    expect(await activityOf(eli)).toBe('idle');
    expect(await entryOf(eli)).toBeUndefined();
    await eli.clickButton('Join', { messageId: message });
    expect(eli.lastReply()).toMatch(/Searching for a match/);
    expect(await activityOf(eli)).toBe('queued');
    expect(await joinLogs(eli)).toHaveLength(2);
    expect(e2e.app.get(QueueRoster).get(eli.id)?.sc2?.race).toBe('sc2_protoss');
    await eli.clickButton('Leave');
  });

  it('changes nothing on a Join drawn before the player\'s settings changed, and shows the choices again to Join from', async () => {
    const mia = await newPlayer('EUW', 'NL');
    await mia.runCommand('queue');
    const message = e2e.driver.lastReply(mia.id)!.message.id;
    await mia.choose('queue/bw/', ['bw_terran']);
    await mia.runCommand('setcountry', { country: 'BE' });
    await mia.clickButton('Confirm');
    await mia.clickButton('Join', { messageId: message });
    expect(mia.lastReply()).toMatch(/settings changed since this message was drawn, so nothing was done[\s\S]*Brood War: \*\*BW Terran\*\*/);
    expect(last('queue/join/:version/:bw/:sc2/:vetoes/:pool', mia)?.queries).toBe(0);
    expect(await activityOf(mia)).toBe('idle');
    await mia.clickButton('Join', { messageId: message });
    expect(mia.lastReply()).toMatch(/Searching for a match/);
    await mia.clickButton('Leave');
  });

  it('gives one queue entry for 20 simultaneous clicks on Join', async () => {
    const fox = await newPlayer('OCE', 'AU');
    await fox.runCommand('queue');
    await fox.choose('queue/bw/', ['bw_zerg']);
    const clicks = await Promise.all(Array.from({ length: 20 }, () => fox.clickButton('Join')));
    expect(clicks.filter((click) => click.acknowledged && !click.failed)).toHaveLength(20);
    expect(await db().query(`SELECT count(*) AS n FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id WHERE p.discord_id = '${fox.id}'`)).toEqual([
      { n: testDriver() === 'postgres' ? '1' : 1 },
    ]);
    expect(await joinLogs(fox)).toHaveLength(1);
    const storm = outcomes.filter((outcome) => outcome.userId === fox.id && outcome.route === 'queue/join/:version/:bw/:sc2/:vetoes/:pool');
    expect(storm.filter((outcome) => outcome.duplicate)).toHaveLength(19);
    expect(fox.lastReply()).toMatch(/Searching for a match/);
    await fox.clickButton('Leave');
  });

  it('takes a queued player out of the queue when they decline the terms', async () => {
    const gus = await newPlayer('AFR', 'ES');
    await queue(gus, { sc2: 'sc2_zerg' });
    await gus.runCommand('termsofservice');
    await gus.clickButton('Decline');
    expect(gus.lastReply()).toMatch(/Terms declined/);
    expect(await activityOf(gus)).toBe('idle');
    expect(await entryOf(gus)).toBeUndefined();
    expect(e2e.app.get(QueueRoster).get(gus.id)).toBeUndefined();
    expect(e2e.app.get(PlayerDirectory).statusOf(gus.id).activity).toBe('idle');
    await gus.runCommand('queue');
    expect(gus.lastReply()).toMatch(/Terms of service/);
  });

  it('shows a queued player their search on /queue, with Leave', async () => {
    const hal = await newPlayer('MEA', 'IL');
    await queue(hal, { bw: 'bw_terran' });
    await hal.runCommand('queue');
    expect(last('/queue', hal)?.queries).toBe(0);
    expect(hal.lastReply()).toMatch(/Searching for a match[\s\S]*\[Leave\]/);
    await hal.clickButton('Leave');
    expect(hal.lastReply()).toMatch(/You left the queue/);
  });

  it('tells a player whose DMs are closed in the ladder channel, counts it, and creates the match anyway', async () => {
    const ivy = await newPlayer('SEA', 'SG');
    const jon = await newPlayer('SEA', 'MY');
    ivy.closeDms();
    await queue(ivy, { bw: 'bw_protoss' });
    await queue(jon, { sc2: 'sc2_protoss' });
    const dm = jon.waitForDm((m) => /Match found/.test(m.text));
    const report = await e2e.app.get(WaveService).runNext();
    expect(report.created).toHaveLength(1);
    await dm;
    expect(ivy.dms()).toEqual([]);
    const notices = ivy.visibleMessages(e2e.emulator.ladderChannelId).filter((text) => text.includes(ivy.mention));
    expect(notices).toEqual([expect.stringMatching(/a message for you about your match, but your DMs are closed/)]);
    expect(await e2e.app.get(LadderMetrics).registry.getSingleMetricAsString('ladder_dm_failures_total')).toMatch(/ladder_dm_failures_total\{message="match_found"\} 1/);
  });

});
