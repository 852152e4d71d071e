import { InteractionOutcome } from '../src/common/context/interaction-context';
import { DriverUser } from '../src/emulator';
import { E2e, startE2e } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

const DAY = 86_400_000;

describe(`profile periods and /history after real matches (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    e2e = await startE2e({ clock, env: { HISTORY_PAGE_SIZE: '2' } });
    outcomes = recordedOutcomes(e2e.app);
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  it('shows each player\'s periods and history after three matches, one statement cold and none warm', async () => {
    const ann = await play.player('Ann');
    const bob = await play.player('Bob');
    const cid = await play.player('Cid');
    const first = await play.played(ann, bob);
    await play.report(ann, first.dm.bw, 'I won');
    await play.report(bob, first.dm.sc2, 'I lost');
    clock.advance(19 * DAY);
    const second = await play.played(ann, bob);
    await play.report(ann, second.dm.bw, 'Draw');
    await play.report(bob, second.dm.sc2, 'Draw');
    clock.advance(9 * DAY);
    const third = await play.played(ann, cid);
    await play.report(ann, third.dm.bw, 'I lost');
    await play.report(cid, third.dm.sc2, 'I won');

    const route = (name: string, user: DriverUser) => outcomes.filter((o) => o.route === name && o.userId === user.id).map((o) => o.queries);
    await ann.runCommand('profile');
    expect(ann.lastReply()).toMatch(/BW Zerg\*\* 1497 · rank [A-F] \(#\d of 3\) · 1-1-1 · last played <t:\d+:R>\n\| 14 days: 2 \(0-1-1\) · 30 days: 3 \(1-1-1\) · 90 days: 3 \(1-1-1\)/);
    await ann.runCommand('profile');
    expect(route('/profile', ann)).toEqual([1, 0]);
    await bob.runCommand('profile');
    expect(bob.lastReply()).toMatch(/SC2 Terran\*\* \d+ · rank [A-F] \(#\d of 3\) · 0-1-1 · last played <t:\d+:R>\n\| 14 days: 1 \(0-0-1\) · 30 days: 2 \(0-1-1\) · 90 days: 2 \(0-1-1\)/);

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
