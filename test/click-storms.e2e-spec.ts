import { DataSource } from 'typeorm';
import { DriverUser, InteractionOutcome } from '../src/emulator';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { E2e, startE2eWithAdmin } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { expectWhole } from './support/ladder-audit';
import { ManualClock } from './support/manual-clock';
import { testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

const STORM = 50;
const REASON = 'Storm test in the admin channel';

describe(`${STORM} simultaneous identical clicks on every button and form that changes something (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    ({ e2e, admin } = await startE2eWithAdmin('stormwarden', { clock }));
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(async () => {
    expect(e2e.emulator.violations()).toEqual([]);
    await expectWhole(e2e.app);
  });

  const db = () => e2e.app.get(DataSource);
  const count = async (table: string, where: string) => Number((await db().query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);
  const logs = (user: DriverUser, action: string) => count('player_action_logs', `discord_id = '${user.id}' AND action = '${action}'`);
  const audits = (action: string) => count('admin_actions', `action = '${action}'`);

  /** The same click `STORM` times at once: every one acknowledged, none left as "This interaction failed". */
  async function storm(click: () => Promise<InteractionOutcome>): Promise<InteractionOutcome[]> {
    const outcomes = await Promise.all(Array.from({ length: STORM }, click));
    expect(outcomes.filter((outcome) => outcome.acknowledged && !outcome.failed)).toHaveLength(STORM);
    return outcomes;
  }

  /** An admin command's preview, then a storm on its Confirm. */
  async function adminStorm(command: string, options: Record<string, string | number | DriverUser>): Promise<void> {
    await admin.runCommand(`admin ${command}`, { reason: REASON, ...options });
    const preview = e2e.driver.lastReply(admin.id)!.message.id;
    expect(admin.lastReply()).toMatch(/\[Confirm\]/);
    await storm(() => admin.clickButton('Confirm', { messageId: preview }));
    expect(e2e.driver.lastReply(admin.id)!.message.id).toBe(preview);
    expect(admin.lastReply()).toMatch(/done|resolved|cleared/i);
  }

  it('the terms\' Accept, the setup form, its Confirm and /setcountry\'s Confirm: each once', async () => {
    const ann = e2e.driver.createUser('ann');
    await ann.runCommand('termsofservice');
    await storm(() => ann.clickButton('Accept'));
    expect(await logs(ann, 'terms_accepted')).toBe(1);

    await ann.runCommand('setup');
    const forms = await ann.fillModalRepeatedly({ 'Player name': 'Annie', BattleTag: 'Annie#1234' }, STORM);
    expect(forms.filter((outcome) => outcome.acknowledged && !outcome.failed)).toHaveLength(STORM);
    await ann.choose('setup/country/1', ['DE']);
    await ann.choose('Residential region', ['EUW']);
    await storm(() => ann.clickButton('Confirm'));
    expect(ann.lastReply()).toMatch(/Setup complete/);
    expect(await logs(ann, 'setup_completed')).toBe(1);
    expect(await logs(ann, 'setup_field_changed')).toBe(4);

    await ann.runCommand('setcountry', { country: 'France' });
    await storm(() => ann.clickButton('Confirm'));
    expect(await logs(ann, 'country_changed')).toBe(1);
  });

  it('Join, then Leave: one queue entry, then none', async () => {
    const bob = await play.player('Bob');
    await bob.runCommand('queue');
    await bob.choose('queue/bw/', ['bw_zerg']);
    await storm(() => bob.clickButton('Join'));
    expect(await logs(bob, 'queue_joined')).toBe(1);
    expect(await count('queue_entries_1v1 q JOIN players p ON p.id = q.player_id', `p.discord_id = '${bob.id}'`)).toBe(1);
    await storm(() => bob.clickButton('Leave'));
    expect(await count('queue_entries_1v1 q JOIN players p ON p.id = q.player_id', `p.discord_id = '${bob.id}'`)).toBe(0);
  });

  it('Confirm on each side, Abort and Confirm abort: one confirmation each, one abort', async () => {
    const found = await play.matched(await play.player('Cid'), await play.player('Dan'));
    await storm(() => found.bw.clickButton('Confirm', { messageId: found.dm.bw }));
    expect(await logs(found.bw, 'match_confirmed')).toBe(1);
    await storm(() => found.sc2.clickButton('Abort (3 of 3 left this month)', { messageId: found.dm.sc2 }));
    await storm(() => found.sc2.clickButton('Confirm abort', { messageId: found.dm.sc2 }));
    expect(await logs(found.sc2, 'match_aborted')).toBe(1);
    expect((await db().query(`SELECT aborts_used FROM players WHERE discord_id = '${found.sc2.id}'`))[0].aborts_used).toBe(1);

    const both = await play.matched(await play.player('Eli'), await play.player('Fay'));
    await storm(() => both.bw.clickButton('Confirm', { messageId: both.dm.bw }));
    await storm(() => both.sc2.clickButton('Confirm', { messageId: both.dm.sc2 }));
    expect(await logs(both.bw, 'match_confirmed')).toBe(1);
    expect(await logs(both.sc2, 'match_confirmed')).toBe(1);
    expect(play.render(both.dm.bw)).toMatch(/both confirmed, play!/);
  });

  it('each report button and its Confirm: one report each, the ratings applied once', async () => {
    const game = await play.played(await play.player('Gus'), await play.player('Hal'));
    const report = async (user: DriverUser, messageId: string, label: string) => {
      await storm(() => user.clickButton(label, { messageId }));
      await storm(() => user.clickButton(`Confirm: ${label}`, { messageId }));
    };
    await report(game.bw, game.dm.bw, 'I lost');
    await report(game.sc2, game.dm.sc2, 'I won');
    expect(await logs(game.bw, 'match_reported')).toBe(1);
    expect(await logs(game.sc2, 'match_reported')).toBe(1);
    expect(await logs(game.bw, 'rating_changed')).toBe(1);
    expect((await db().query(`SELECT status, result, player_1_mmr_change FROM matches_1v1 WHERE id = ${game.matchId}`))[0]).toMatchObject({ status: 'completed', result: 'player_2', player_1_mmr_change: -20 });

    const drawn = await play.played(await play.player('Ida'), await play.player('Jay'));
    await report(drawn.bw, drawn.dm.bw, 'Draw');
    await report(drawn.sc2, drawn.dm.sc2, 'Draw');
    expect(await logs(drawn.bw, 'match_reported')).toBe(1);
    expect((await db().query(`SELECT status, result FROM matches_1v1 WHERE id = ${drawn.matchId}`))[0]).toMatchObject({ status: 'completed', result: 'draw' });
  });

  it('every admin Confirm: resolve, rating, reset-aborts, unqueue, clear-queue, free, ban and unban, each once', async () => {
    const clash = await play.played(await play.player('Kim'), await play.player('Lee'));
    await play.report(clash.bw, clash.dm.bw, 'I won');
    await play.report(clash.sc2, clash.dm.sc2, 'I won');
    await adminStorm('resolve', { match: clash.matchId, result: 'player_1' });
    expect(await audits('resolve_match')).toBe(1);

    await adminStorm('rating', { user: clash.sc2, race: 'sc2_terran', value: 1650 });
    expect(await audits('adjust_rating')).toBe(1);

    const quitter = await play.matched(await play.player('Max'), await play.player('Ned'));
    await quitter.bw.clickButton('Abort (3 of 3 left this month)', { messageId: quitter.dm.bw });
    await quitter.bw.clickButton('Confirm abort', { messageId: quitter.dm.bw });
    await adminStorm('reset-aborts', { user: quitter.bw });
    expect(await audits('reset_aborts')).toBe(1);

    await play.queue(quitter.bw, { bw: 'bw_zerg' });
    await adminStorm('unqueue', { user: quitter.bw });
    expect(await audits('remove_from_queue')).toBe(1);

    await play.queue(quitter.bw, { bw: 'bw_zerg' });
    await play.queue(quitter.sc2, { sc2: 'sc2_terran' });
    await adminStorm('clear-queue', {});
    expect(await audits('clear_queue')).toBe(1);
    expect(await count('player_action_logs', `setting_name = 'queue'`)).toBe(2);

    const stuck = await play.player('Oli');
    await db().query(`UPDATE players SET activity = 'queued', version = version + 1 WHERE discord_id = '${stuck.id}'`);
    e2e.app.get(PlayerDirectory).reread(stuck.id);
    await waitFor('memory to see Oli queued', () => e2e.app.get(PlayerDirectory).get(stuck.id)?.activity === 'queued');
    await adminStorm('free', { user: stuck });
    expect(await audits('free_player')).toBe(1);

    await adminStorm('ban', { user: stuck });
    await adminStorm('unban', { user: stuck });
    expect([await audits('ban'), await audits('unban')]).toEqual([1, 1]);
  });
});
