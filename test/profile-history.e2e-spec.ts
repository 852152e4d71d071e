import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { DriverUser } from '../src/emulator';
import { renderMessage } from '../src/emulator/render';
import { WaveService } from '../src/modules/matches/wave.service';
import { E2e, startE2e } from './support/e2e';
import { readyPlayer } from './support/ladder-players';
import { ManualClock } from './support/manual-clock';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

interface Played {
  bw: DriverUser;
  sc2: DriverUser;
  matchId: number;
  dm: { bw: string; sc2: string };
}

const DAY = 86_400_000;

describe(`profile periods and /history after real matches (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let people = 0;

  beforeAll(async () => {
    e2e = await startE2e({ clock, env: { HISTORY_PAGE_SIZE: '2' } });
    outcomes = recordedOutcomes(e2e.app);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);
  const render = (messageId: string) => renderMessage(e2e.emulator.state.messages.get(messageId)!.message);

  async function newPlayer(name: string, rating?: { race: string; mmr: number }): Promise<DriverUser> {
    people += 1;
    const suffix = String.fromCharCode(97 + (people % 26)) + String.fromCharCode(97 + Math.floor(people / 26));
    const user = await readyPlayer(e2e.driver.createUser(`${name}${suffix}`.toLowerCase()), { name: `${name}${suffix}`, country: 'DE', region: 'EUW' });
    if (rating) {
      const at = clock.now().toISOString();
      await db().query(
        `INSERT INTO mmrs_1v1 (player_id, race, mmr, games_played, games_won, games_lost, games_drawn, created_at, updated_at)
         SELECT id, '${rating.race}', ${rating.mmr}, 0, 0, 0, 0, '${at}', '${at}' FROM players WHERE discord_id = '${user.id}'`,
      );
    }
    return user;
  }

  /** Queued, matched and both confirmed: the cards are in both DMs. */
  async function played(bw: DriverUser, sc2: DriverUser): Promise<Played> {
    for (const [user, select, race] of [[bw, 'queue/bw/', 'bw_zerg'], [sc2, 'queue/sc2/', 'sc2_terran']] as const) {
      await user.runCommand('queue');
      await user.choose(select, [race]);
      await user.clickButton('Join');
    }
    const dms = Promise.all([bw.waitForDm((m) => /Match found/.test(m.text)), sc2.waitForDm((m) => /Match found/.test(m.text))]);
    // Three waves waited widen the window to 250, so players 200 apart are paired.
    clock.advance(3 * 45_000);
    const report = await e2e.app.get(WaveService).runNext();
    const [bwDm, sc2Dm] = await dms;
    await bw.clickButton('Confirm', { messageId: bwDm.messageId });
    await sc2.clickButton('Confirm', { messageId: sc2Dm.messageId });
    expect(render(bwDm.messageId)).toMatch(/both confirmed, play!/);
    return { bw, sc2, matchId: report.created[0], dm: { bw: bwDm.messageId, sc2: sc2Dm.messageId } };
  }

  async function report(user: DriverUser, messageId: string, label: 'I won' | 'I lost' | 'Draw'): Promise<void> {
    await user.clickButton(label, { messageId });
    await user.clickButton(`Confirm: ${label}`, { messageId });
  }

  it('shows each player\'s periods and history after three matches, one statement cold and none warm', async () => {
    const ann = await newPlayer('Ann');
    const bob = await newPlayer('Bob');
    const cid = await newPlayer('Cid');
    const first = await played(ann, bob);
    await report(ann, first.dm.bw, 'I won');
    await report(bob, first.dm.sc2, 'I lost');
    clock.advance(19 * DAY);
    const second = await played(ann, bob);
    await report(ann, second.dm.bw, 'Draw');
    await report(bob, second.dm.sc2, 'Draw');
    clock.advance(9 * DAY);
    const third = await played(ann, cid);
    await report(ann, third.dm.bw, 'I lost');
    await report(cid, third.dm.sc2, 'I won');

    const route = (name: string, user: DriverUser) => outcomes.filter((o) => o.route === name && o.userId === user.id).map((o) => o.queries);
    await ann.runCommand('profile');
    expect(ann.lastReply()).toMatch(/BW Zerg\*\* 1497 · 1-1-1 · last played <t:\d+:R>\n\| 14 days: 2 \(0-1-1\) · 30 days: 3 \(1-1-1\) · 90 days: 3 \(1-1-1\)/);
    await ann.runCommand('profile');
    expect(route('/profile', ann)).toEqual([1, 0]);
    await bob.runCommand('profile');
    expect(bob.lastReply()).toMatch(/SC2 Terran\*\* \d+ · 0-1-1 · last played <t:\d+:R>\n\| 14 days: 1 \(0-0-1\) · 30 days: 2 \(0-1-1\) · 90 days: 2 \(0-1-1\)/);

    // The periods are counted as of now: the cached profile moves on with the clock, with no statement.
    clock.advance(3 * DAY);
    await bob.runCommand('profile');
    expect(bob.lastReply()).toMatch(/14 days: 1 \(0-0-1\) · 30 days: 1 \(0-0-1\) · 90 days: 2 \(0-1-1\)/);

    await ann.runCommand('history');
    expect(route('/history', ann)).toEqual([0]);
    expect(ann.lastReply()).toMatch(
      new RegExp(`\\*\\*L\\*\\* BW Zerg v Cid\\w+ \\(SC2 Terran\\) on .+, -\\d+ \\(#${third.matchId}\\)\\n.*\\*\\*D\\*\\* BW Zerg v Bob\\w+ \\(SC2 Terran\\) on .+, [+-]?\\d+ \\(#${second.matchId}\\)`),
    );
    expect(ann.lastReply()).toMatch(/Page 1 of 2 · 3 matches\n\[Newer \(disabled\)\] \[Older\]/);
    await ann.clickButton('Older');
    expect(ann.lastReply()).toMatch(new RegExp(`\\*\\*W\\*\\* BW Zerg v Bob\\w+ \\(SC2 Terran\\) on .+, \\+20 \\(#${first.matchId}\\)\\n\\| Page 2 of 2`));
    expect(route('history/:discordId/:page', ann)).toEqual([0]);

    await cid.runCommand('history', { player: bob });
    expect(route('/history', cid)).toEqual([0]);
    expect(cid.lastReply()).toMatch(
      new RegExp(`Bob\\w+: match history\\n\\| .*\\*\\*D\\*\\* SC2 Terran v Ann\\w+ \\(BW Zerg\\) .*\\(#${second.matchId}\\)\\n\\| .*\\*\\*L\\*\\* SC2 Terran v Ann\\w+ \\(BW Zerg\\) .*-20 \\(#${first.matchId}\\)\\n\\| Page 1 of 1 · 2 matches`),
    );
    await cid.runCommand('history');
    expect(route('/history', cid)).toEqual([0, 1]);
    expect(cid.lastReply()).toMatch(/\*\*W\*\* SC2 Terran v Ann\w+ \(BW Zerg\)[\s\S]*Page 1 of 1 · 1 match/);
  });
});
