import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { DriverUser } from '../src/emulator';
import { MatchDeadlines } from '../src/modules/matches/match-deadlines';
import { WaveService } from '../src/modules/matches/wave.service';
import { PracticeBehaviour } from '../src/sandbox/practice/practice-behaviour';
import { readPracticeChoices } from '../src/sandbox/practice/practice-choices';
import type { PracticeOpponentView } from '../src/sandbox/practice/practice-opponent';
import { PracticeOpponents } from '../src/sandbox/practice/practice-opponents';
import { SandboxServer } from '../src/sandbox/sandbox-server';
import type { SandboxSnapshot } from '../src/sandbox/sandbox-view';
import { E2e, startE2eWithAdmin } from './support/e2e';
import { EventStream } from './support/event-stream';
import { LadderPlay, ReportLabel } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

const ROOT = resolve(__dirname, '..');

describe(`practice opponents in the sandbox (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  let server: SandboxServer;
  let practice: PracticeOpponents;
  let base: string;
  let stream: EventStream;
  let play: LadderPlay;
  const clock = new ManualClock(new Date('2026-12-03T10:00:00.000Z'));

  beforeAll(async () => {
    ({ e2e, admin } = await startE2eWithAdmin('admin', { clock }));
    practice = new PracticeOpponents(e2e.driver, admin, await readPracticeChoices(resolve(ROOT, 'data/static')), 0);
    server = new SandboxServer(e2e.driver, [admin], [admin.id], resolve(ROOT, 'dist/sandbox/public'), practice);
    base = await server.start('127.0.0.1', 0);
    stream = await EventStream.open(`${base}/api/events?as=${admin.id}`);
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await stream?.close();
    await server?.stop();
    await e2e?.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${base}/api/practice`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const opponent = (id: string) => practice.views().find((view) => view.id === id)!;
  const statusOf = (id: string) => opponent(id).status;

  /** An opponent added from the page, once it is queued; its rating set by the sandbox's admin. */
  async function queuedOpponent(behaviour: PracticeBehaviour, rating: number | null = 1600): Promise<PracticeOpponentView> {
    const added = await post({ race: 'sc2_terran', rating, region: 'KRJ', behaviour });
    expect(added.status).toBe(201);
    const id = String(added.body.id);
    await waitFor(`${added.body.name} in the queue`, () => /^queued as SC2 Terran$|^stopped/.test(statusOf(id)));
    expect(statusOf(id)).toBe('queued as SC2 Terran');
    return opponent(id);
  }

  /** A human (BW Zerg) queued and matched with the opponent by the next wave: the human's match DM. */
  async function matchedWith(rival: PracticeOpponentView): Promise<{ human: DriverUser; dm: string; matchId: number }> {
    const human = await play.player('Ana', { region: 'EUW' });
    await play.queue(human, { bw: 'bw_zerg' });
    const found = human.waitForDm((message) => /Match found/.test(message.text));
    clock.advance(3 * 45_000);
    const wave = await e2e.app.get(WaveService).runNext();
    expect(wave.created).toHaveLength(1);
    const dm = await found;
    expect(dm.text).toContain(`against **${rival.name}**`);
    return { human, dm: dm.messageId, matchId: wave.created[0] };
  }

  const card = (messageId: string) => play.render(messageId);
  const waitForCard = (messageId: string, pattern: RegExp) => waitFor(`the card to show ${pattern}`, () => pattern.test(card(messageId)));

  async function playedAgainst(behaviour: PracticeBehaviour) {
    const rival = await queuedOpponent(behaviour);
    const match = await matchedWith(rival);
    await match.human.clickButton('Confirm', { messageId: match.dm });
    await waitForCard(match.dm, /both confirmed, play!/);
    return { rival, ...match };
  }

  const leave = (rival: PracticeOpponentView) => e2e.driver.user(rival.username).clickButton('Leave');
  const statusesOnThePage = (id: string, from: number) =>
    stream.events.slice(from).flatMap((event) => (event.event === 'practice' ? [(event.data as PracticeOpponentView[]).find((view) => view.id === id)?.status] : []));

  it('joins the ladder as a person would: terms, setup in its region, its rating set by the admin, then the queue', async () => {
    const from = stream.events.length;
    const rival = await queuedOpponent('reports_loss', 1725);
    // Left queued, it would take the next test's human: it leaves as a player would.
    try {
      expect(rival).toMatchObject({ name: expect.stringMatching(/^Practice[A-Z]+$/), username: expect.stringMatching(/^practice[a-z]+$/), race: 'SC2 Terran', rating: 1725, region: 'KRJ', behaviour: 'reports_loss' });
      const player = (await e2e.app.get(DataSource).query(`SELECT player_name, battletag, country, region FROM players WHERE discord_id = '${rival.id}' AND terms_accepted AND setup_completed_at IS NOT NULL`))[0];
      expect(player).toMatchObject({ player_name: rival.name, battletag: expect.stringMatching(new RegExp(`^${rival.name}#\\d{4}$`)), country: 'KR', region: 'KRJ' });
      const [rating] = await e2e.app.get(DataSource).query(`SELECT r.mmr FROM mmrs_1v1 r JOIN players p ON p.id = r.player_id WHERE p.discord_id = '${rival.id}' AND r.race = 'sc2_terran'`);
      expect(Number(rating.mmr)).toBe(1725);
      await waitFor('the page to learn it is queued', () => statusesOnThePage(rival.id, from).includes('queued as SC2 Terran'));
      expect(statusesOnThePage(rival.id, from)[0]).toBe('joining the ladder');
    } finally {
      await leave(rival);
    }
  });

  it.each<[PracticeBehaviour, ReportLabel, RegExp]>([
    ['reports_loss', 'I won', /result\n\| Ana\w+ won\.\n/],
    ['reports_win', 'I lost', /result\n\| Practice[A-Z]+ won\.\n/],
    ['reports_draw', 'Draw', /result\n\| A draw\.\n/],
  ])('%s: confirms, reports, and the match completes when the human agrees (%s)', async (behaviour, label, result) => {
    const { rival, human, dm, matchId } = await playedAgainst(behaviour);
    await play.report(human, dm, label);
    await waitForCard(dm, new RegExp(`Match #${matchId}: result`));
    expect(card(dm)).toMatch(result);
    await waitFor('the opponent to finish', () => statusOf(rival.id) === `Match #${matchId}: result`);
  });

  it.each<ReportLabel>(['I won', 'I lost', 'Draw'])('conflicts: contradicts the human\'s report (%s), so the match waits for an admin', async (label) => {
    const { rival, human, dm, matchId } = await playedAgainst('conflicts');
    await play.report(human, dm, label);
    await waitForCard(dm, new RegExp(`Match #${matchId}: the reports conflict`));
    await waitFor('the opponent to see the conflict', () => statusOf(rival.id) === `Match #${matchId}: the reports conflict`);
    await admin.runCommand('admin resolve', { match: matchId, result: 'cancel', reason: 'practice conflict settled' });
    await admin.clickButton('Confirm', { messageId: e2e.driver.lastReply(admin.id)!.message.id });
    await waitFor('the opponent to finish', () => statusOf(rival.id) === `Match #${matchId} cancelled`);
  });

  it('aborts: the match it was offered is aborted, charged to it', async () => {
    const rival = await queuedOpponent('aborts');
    const { dm, matchId } = await matchedWith(rival);
    await waitForCard(dm, new RegExp(`Match #${matchId} aborted`));
    expect(card(dm)).toContain(rival.name);
    await waitFor('the opponent to finish', () => statusOf(rival.id) === `Match #${matchId} aborted`);
  });

  it('never_confirms: the human confirms alone and the match is abandoned at the deadline, naming the opponent', async () => {
    const rival = await queuedOpponent('never_confirms');
    const { human, dm, matchId } = await matchedWith(rival);
    await human.clickButton('Confirm', { messageId: dm });
    // Had it meant to confirm, it would have by the time it is idle again.
    await waitFor('the opponent to answer the confirmation', () => !opponent(rival.id).busy);
    expect(card(dm)).toMatch(new RegExp(`Waiting for ${rival.name} to confirm`));
    clock.advance(61_000);
    await e2e.app.get(MatchDeadlines).fireDue();
    expect(card(dm)).toMatch(new RegExp(`Match #${matchId} abandoned\\n\\| Not confirmed in time by ${rival.name}\\.`));
    await waitFor('the opponent to finish', () => statusOf(rival.id) === `Match #${matchId} abandoned`);
  });

  it('lets several queue at once, each with a name of its own, and lists them in every snapshot', async () => {
    const [first, second] = await Promise.all([queuedOpponent('reports_loss', null), queuedOpponent('reports_win', 2000)]);
    try {
      expect(first.name).not.toBe(second.name);
    const late = await EventStream.open(`${base}/api/events?as=${admin.id}`);
    const snapshot = await late.next<SandboxSnapshot>('a snapshot', (event) => event.event === 'snapshot');
    await late.close();
    const listed = snapshot.practice.opponents.filter((view) => [first.id, second.id].includes(view.id));
    expect(listed).toEqual([first, second].map((rival) => expect.objectContaining({ id: rival.id, status: 'queued as SC2 Terran' })));
    expect(snapshot.practice.choices.races.map((race) => race.code)).toContain('bw_zerg');
    expect(snapshot.practice.choices.behaviours.map((choice) => choice.code)).toEqual(['reports_loss', 'reports_win', 'reports_draw', 'conflicts', 'never_confirms', 'aborts']);
    } finally {
      for (const rival of [first, second]) await leave(rival);
    }
  });

  it.each([
    [{ race: 'sc3_terran', rating: 1500, region: 'EUW', behaviour: 'reports_loss' }, /^race must be one of bw_terran, /],
    [{ race: 'bw_zerg', rating: 1500, region: 'MARS', behaviour: 'reports_loss' }, /^region must be one of /],
    [{ race: 'bw_zerg', rating: 5001, region: 'EUW', behaviour: 'reports_loss' }, /^rating must be a whole number from 0 to 5000/],
    [{ race: 'bw_zerg', rating: 1500.5, region: 'EUW', behaviour: 'reports_loss' }, /^rating must be a whole number/],
    [{ race: 'bw_zerg', rating: 1500, region: 'EUW', behaviour: 'rage_quits' }, /^behaviour must be one of reports_loss, /],
  ])('refuses a practice opponent it cannot make, naming the field: %j', async (body, error) => {
    const before = practice.views().length;
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(error);
    expect(practice.views()).toHaveLength(before);
  });
});
