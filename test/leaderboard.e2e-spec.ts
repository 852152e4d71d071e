import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { DriverUser } from '../src/emulator';
import { renderMessage } from '../src/emulator/render';
import { rankPool } from '../src/modules/leaderboard/domain/ranks';
import { Report } from '../src/modules/matches/domain/reports';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { WaveService } from '../src/modules/matches/wave.service';
import { E2e, startE2e } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { LadderSeed, SeededPlayer } from './support/ladder-seed';
import { ManualClock } from './support/manual-clock';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

const DAY = 86_400_000;
const BW = ['bw_terran', 'bw_zerg', 'bw_protoss'];
const SC2 = ['sc2_terran', 'sc2_zerg', 'sc2_protoss'];
const RACE_NAMES: Record<string, string> = {
  bw_terran: 'BW Terran',
  bw_zerg: 'BW Zerg',
  bw_protoss: 'BW Protoss',
  sc2_terran: 'SC2 Terran',
  sc2_zerg: 'SC2 Zerg',
  sc2_protoss: 'SC2 Protoss',
};
/** Common countries, then three that the filter counts as Other. */
const COUNTRIES = ['DE', 'FR', 'KR', 'US', 'PL', 'SE', 'IS', 'MT', 'XX'];
const OTHER = new Set(['IS', 'MT', 'XX']);

/** What a leaderboard line says, read back from the message. */
interface Line {
  position: number;
  letter: string;
  name: string;
  race: string;
  rating: number;
  record: string;
}

describe(`/leaderboard over 100+ rated players (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let players: SeededPlayer[];
  let viewer: DriverUser;
  let seed: LadderSeed;

  beforeAll(async () => {
    e2e = await startE2e({ clock });
    outcomes = recordedOutcomes(e2e.app);
    seed = new LadderSeed(e2e, clock);
    players = [];
    for (let index = 0; index < 132; index += 1) {
      const name = `Lb${String.fromCharCode(97 + Math.floor(index / 26), 97 + (index % 26))}`;
      const races = index % 3 === 0 ? { bw: BW[index % 9 === 0 ? 0 : 1] } : index % 3 === 1 ? { sc2: SC2[index % 9 === 1 ? 2 : 0] } : { bw: BW[2], sc2: SC2[1] };
      players.push(await seed.player(name, COUNTRIES[index % COUNTRIES.length], races));
    }
    const decide = (matchId: number): Report => (['won', 'lost', 'draw'] as const)[matchId % 3];
    // The first 30 play in the first round only: their ratings leave the ranked pool 14 days later.
    await seed.round(players, decide);
    clock.advance(5 * DAY);
    await seed.round(players.slice(30), decide);
    clock.advance(5 * DAY);
    await seed.round(players.slice(30), decide);
    viewer = players[60].user;
  }, 120_000);

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);

  /** The ranked pool as the database holds it now, ranked by the pure rules, with names and countries. */
  async function expectedPool() {
    const rows: Array<Record<string, unknown>> = await db().query(
      `SELECT r.id, r.player_id, r.race, r.mmr, r.games_played, r.games_won, r.games_lost, r.last_played_at, p.player_name, p.country
       FROM mmrs_1v1 r JOIN players p ON p.id = r.player_id`,
    );
    const ratings = rows.map((row) => ({
      id: Number(row.id),
      playerId: Number(row.player_id),
      race: String(row.race),
      rating: Number(row.mmr),
      gamesPlayed: Number(row.games_played),
      lastPlayedAt: row.last_played_at === null ? null : new Date(row.last_played_at instanceof Date ? row.last_played_at : `${String(row.last_played_at).replace(' ', 'T')}Z`),
      name: String(row.player_name),
      country: String(row.country),
      record: `${Number(row.games_won)}-${Number(row.games_lost)}`,
    }));
    return rankPool(ratings, clock.now());
  }

  const asLine = (rating: Awaited<ReturnType<typeof expectedPool>>[number]): Line => ({
    position: rating.position,
    letter: rating.letter,
    name: rating.name,
    race: RACE_NAMES[rating.race],
    rating: rating.rating,
    record: rating.record,
  });

  function shownLines(text: string): Line[] {
    return [...text.matchAll(/`#(\d+)` \*\*([SA-F])\*\* (?:\S+ )?(\w+) · ([\w ]+) · (\d+) · (\d+-\d+)/g)].map((match) => ({
      position: Number(match[1]),
      letter: match[2],
      name: match[3],
      race: match[4],
      rating: Number(match[5]),
      record: match[6],
    }));
  }

  const reply = (user: DriverUser) => e2e.driver.lastReply(user.id)!;
  const queriesSince = (from: number) => outcomes.slice(from).map((outcome) => outcome.queries);

  async function open(user: DriverUser): Promise<string> {
    await user.runCommand('leaderboard');
    return reply(user).message.id;
  }

  it('seeds more than 100 ranked ratings across the six races through the ladder itself', async () => {
    const pool = await expectedPool();
    expect(pool.length).toBeGreaterThan(100);
    expect(new Set(pool.map((rating) => rating.race)).size).toBe(6);
    expect(new Set(pool.map((rating) => rating.rating)).size).toBeGreaterThan(5);
  });

  it('pages through the ranked pool, 40 a page, with global positions, letters, names, races, ratings and W-L, from memory', async () => {
    const pool = (await expectedPool()).map(asLine);
    const pages = Math.ceil(pool.length / 40);
    const from = outcomes.length;
    const messageId = await open(viewer);
    const first = viewer.lastReply()!;
    expect(shownLines(first)).toEqual(pool.slice(0, 40));
    expect(first).toMatch(new RegExp(`Page 1 of ${pages} · ${pool.length} ranked`));
    expect(first).toMatch(/\[Previous \(disabled\)\] \[Next\] \[Go to page\] \[Best race only: off\]/);

    await viewer.clickButton('Next', { messageId });
    expect(shownLines(viewer.lastReply()!)).toEqual(pool.slice(40, 80));
    await viewer.clickButton('Go to page', { messageId });
    await viewer.fillModal({ Page: String(pages) });
    expect(shownLines(viewer.lastReply()!)).toEqual(pool.slice((pages - 1) * 40));
    expect(viewer.lastReply()).toMatch(/\[Next \(disabled\)\]/);
    await viewer.clickButton('Previous', { messageId });
    expect(shownLines(viewer.lastReply()!)).toEqual(pool.slice((pages - 2) * 40, (pages - 1) * 40));
    expect(queriesSince(from)).toEqual([0, 0, 0, 0, 0]);
    expect(reply(viewer).message.id).toBe(messageId);
  });

  it('refuses a page outside the pages there are, naming the field, and keeps the view', async () => {
    const messageId = await open(viewer);
    const shown = () => renderMessage(e2e.emulator.state.messages.get(messageId)!.message);
    const before = shown();
    const pages = Math.ceil((await expectedPool()).length / 40);
    await viewer.clickButton('Go to page', { messageId });
    await viewer.fillModal({ Page: '99' });
    expect(viewer.lastReply()).toMatch(new RegExp(`Page\\n\\| Page must be a whole number from 1 to ${pages}\\.`));
    await viewer.clickButton('Go to page', { messageId });
    await viewer.fillModal({ Page: 'two' });
    expect(viewer.lastReply()).toMatch(/Page must be a whole number/);
    expect(shown()).toBe(before);
  });

  it.each<[string, string, string[], (rating: Awaited<ReturnType<typeof expectedPool>>[number]) => boolean]>([
    ['a race', 'leaderboard/races/', ['sc2_zerg'], (rating) => rating.race === 'sc2_zerg'],
    ['two races', 'leaderboard/races/', ['bw_zerg', 'sc2_terran'], (rating) => rating.race === 'bw_zerg' || rating.race === 'sc2_terran'],
    ['two ranks', 'leaderboard/ranks/', ['B', 'E'], (rating) => rating.letter === 'B' || rating.letter === 'E'],
    ['a country of the first select', 'leaderboard/countries/1/', ['DE'], (rating) => rating.country === 'DE'],
    ['countries of the second select', 'leaderboard/countries/2/', ['KR', 'SE'], (rating) => rating.country === 'KR' || rating.country === 'SE'],
    ['Other (every uncommon country, XX included)', 'leaderboard/countries/2/', ['ZZ'], (rating) => OTHER.has(rating.country)],
  ])('filters by %s, keeping global positions', async (_, select, values, keep) => {
    const expected = (await expectedPool()).filter(keep).map(asLine);
    expect(expected.length).toBeGreaterThan(0);
    const messageId = await open(viewer);
    const from = outcomes.length;
    await viewer.choose(select, values, { messageId });
    const text = viewer.lastReply()!;
    expect(shownLines(text)).toEqual(expected.slice(0, 40));
    expect(text).toMatch(new RegExp(`Page 1 of ${Math.max(1, Math.ceil(expected.length / 40))} · ${expected.length} of \\d+ ranked`));
    expect(queriesSince(from)).toEqual([0]);
  });

  it('combines kinds with AND and values with OR, each select keeping the others\' choices, and best race only before the rest', async () => {
    const pool = await expectedPool();
    const messageId = await open(viewer);
    await viewer.choose('leaderboard/races/', ['bw_protoss', 'sc2_zerg', 'sc2_terran'], { messageId });
    await viewer.choose('leaderboard/ranks/', ['C', 'D', 'E'], { messageId });
    await viewer.choose('leaderboard/countries/1/', ['DE', 'FR'], { messageId });
    await viewer.choose('leaderboard/countries/2/', ['ZZ'], { messageId });
    const combined = pool.filter(
      (rating) => ['bw_protoss', 'sc2_zerg', 'sc2_terran'].includes(rating.race) && ['C', 'D', 'E'].includes(rating.letter) && (['DE', 'FR'].includes(rating.country) || OTHER.has(rating.country)),
    );
    expect(combined.length).toBeGreaterThan(0);
    expect(shownLines(viewer.lastReply()!)).toEqual(combined.slice(0, 40).map(asLine));
    expect(viewer.lastReply()).toMatch(/Filters: BW Protoss, SC2 Terran, SC2 Zerg · rank C, D, E · France, Germany, Other/);

    await viewer.clickButton('Best race only: off', { messageId });
    const best = new Map<number, number>();
    for (const rating of pool) if (!best.has(rating.playerId)) best.set(rating.playerId, rating.id);
    const bestOnly = combined.filter((rating) => best.get(rating.playerId) === rating.id);
    expect(bestOnly.length).toBeLessThan(combined.length);
    expect(shownLines(viewer.lastReply()!)).toEqual(bestOnly.slice(0, 40).map(asLine));
    expect(viewer.lastReply()).toMatch(/\[Best race only: on\]/);

    // Clearing every select leaves best race only: each player once, at their best race.
    await viewer.choose('leaderboard/races/', [], { messageId });
    await viewer.choose('leaderboard/ranks/', [], { messageId });
    await viewer.choose('leaderboard/countries/1/', [], { messageId });
    await viewer.choose('leaderboard/countries/2/', [], { messageId });
    const everyonesBest = pool.filter((rating) => best.get(rating.playerId) === rating.id);
    expect(shownLines(viewer.lastReply()!)).toEqual(everyonesBest.slice(0, 40).map(asLine));
    expect(everyonesBest.length).toBeLessThan(pool.length);
  });

  it('refuses forged controls, and clears the filters of a message drawn for other race or country lists', async () => {
    const pool = (await expectedPool()).map(asLine);
    const messageId = await open(viewer);
    await viewer.choose('leaderboard/races/', ['bw_zerg'], { messageId });
    // What a client could send: the stored message's ids and values rewritten, as a forged interaction would carry them.
    const rewrite = (change: (component: { custom_id: string }) => void) => {
      for (const row of e2e.emulator.state.messages.get(messageId)!.message.components ?? []) {
        for (const component of (row as unknown as { components: Array<{ custom_id: string }> }).components) change(component);
      }
    };
    const shown = () => renderMessage(e2e.emulator.state.messages.get(messageId)!.message);

    rewrite((component) => (component.custom_id = component.custom_id.replace(/\/[0-9a-z]+$/, '/zzzzzz')));
    await viewer.clickButton('Best race only: off', { messageId });
    expect(shown()).toMatch(/The race or country lists changed since this message was drawn, so its filters were cleared\./);
    expect(shownLines(shown())).toEqual(pool.slice(0, 40));

    const before = shown();
    rewrite((component) => (component.custom_id = component.custom_id.replace(/\/[0-9a-z]+\/([0-9a-z]+)$/, '/zzzzzzzzzzzzz/$1')));
    await viewer.clickButton('Next', { messageId });
    expect(viewer.lastReply()).toMatch(/These leaderboard controls are not valid\. Run \/leaderboard again\./);
    expect(shown()).toBe(before);

    await viewer.runCommand('leaderboard');
    const fresh = e2e.driver.lastReply(viewer.id)!.message.id;
    for (const row of e2e.emulator.state.messages.get(fresh)!.message.components ?? []) {
      for (const component of (row as unknown as { components: Array<{ options?: Array<{ value: string }> }> }).components) {
        if (component.options?.[0]?.value === 'bw_terran') component.options[0].value = 'bw_random';
      }
    }
    await viewer.choose('leaderboard/races/', ['bw_random'], { messageId: fresh });
    expect(viewer.lastReply()).toMatch(/"bw_random" is not a race this leaderboard offers/);
  });

  it('keeps every control working after the interaction token expired (15 minutes), each click answering on its own token', async () => {
    const pool = (await expectedPool()).map(asLine);
    const messageId = await open(viewer);
    await viewer.choose('leaderboard/races/', ['bw_zerg'], { messageId });
    e2e.emulator.clock.advance(16 * 60_000);
    await viewer.choose('leaderboard/races/', [], { messageId });
    await viewer.clickButton('Next', { messageId });
    expect(shownLines(viewer.lastReply()!)).toEqual(pool.slice(40, 80));
  });

  it('shows each race\'s rank on /profile, as the leaderboard places it', async () => {
    const pool = await expectedPool();
    const own = pool.filter((rating) => rating.name === players[62].name);
    expect(own.length).toBeGreaterThan(0);
    await players[62].user.runCommand('profile');
    for (const rating of own) {
      expect(players[62].user.lastReply()).toMatch(new RegExp(`\\*\\*${RACE_NAMES[rating.race]}\\*\\* ${rating.rating} · rank ${rating.letter} \\(#${rating.position} of ${pool.length}\\)`));
    }
  });

  it('takes a new result into the pool at once: the ratings move, and the next view shows them, still with no round trip', async () => {
    const rookies = [await seed.player('Rookiebw', 'DE', { bw: 'bw_zerg' }), await seed.player('Rookiesc', 'FR', { sc2: 'sc2_terran' })];
    await seed.round(rookies, () => 'won');
    const pool = await expectedPool();
    expect(pool.some((rating) => rating.name === 'Rookiebw')).toBe(true);
    const from = outcomes.length;
    const messageId = await open(viewer);
    await viewer.choose('leaderboard/countries/1/', ['DE'], { messageId });
    expect(shownLines(viewer.lastReply()!)).toEqual(pool.filter((rating) => rating.country === 'DE').slice(0, 40).map(asLine));
    expect(queriesSince(from)).toEqual([0, 0]);

    // A country changed since: the same filter, drawn again, follows the player.
    await rookies[0].user.runCommand('setcountry', { country: 'Malta' });
    await rookies[0].user.clickButton('Confirm');
    await viewer.choose('leaderboard/countries/1/', [], { messageId });
    await viewer.choose('leaderboard/countries/1/', ['DE'], { messageId });
    expect(shownLines(viewer.lastReply()!).some((line) => line.name === 'Rookiebw')).toBe(false);
    await viewer.choose('leaderboard/countries/2/', ['ZZ'], { messageId });
    expect(shownLines(viewer.lastReply()!)).toEqual(
      (await expectedPool()).filter((rating) => rating.country === 'DE' || OTHER.has(rating.country) || rating.country === 'MT').slice(0, 40).map(asLine),
    );
  });

  it('shows both players\' ranks on the match card', async () => {
    const pool = await expectedPool();
    const idle = (races: (player: SeededPlayer) => boolean) =>
      players.find((player) => races(player) && e2e.app.get(PlayerDirectory).get(player.user.id)?.activity === 'idle' && pool.some((rating) => rating.name === player.name))!;
    const bw = idle((player) => player.races.bw === 'bw_zerg' && !player.races.sc2);
    const sc2 = idle((player) => player.races.sc2 === 'sc2_terran' && !player.races.bw);
    const play = new LadderPlay(e2e, clock);
    await play.queue(bw.user, bw.races);
    await play.queue(sc2.user, sc2.races);
    const dms = Promise.all([bw.user.waitForDm((m) => /Match found/.test(m.text)), sc2.user.waitForDm((m) => /Match found/.test(m.text))]);
    clock.advance(6 * 45_000);
    expect((await e2e.app.get(WaveService).runNext()).created).toHaveLength(1);
    const [bwDm, sc2Dm] = await dms;
    await bw.user.clickButton('Confirm', { messageId: bwDm.messageId });
    await sc2.user.clickButton('Confirm', { messageId: sc2Dm.messageId });
    const rankOf = (player: SeededPlayer, race: string) => pool.find((rating) => rating.name === player.name && rating.race === race)!;
    const card = play.render(bwDm.messageId);
    expect(card).toMatch(new RegExp(`BW Zerg \\(${rankOf(bw, 'bw_zerg').rating}, rank ${rankOf(bw, 'bw_zerg').letter} \\(#${rankOf(bw, 'bw_zerg').position}\\)\\)`));
    expect(card).toMatch(new RegExp(`SC2 Terran \\(${rankOf(sc2, 'sc2_terran').rating}, rank ${rankOf(sc2, 'sc2_terran').letter} \\(#${rankOf(sc2, 'sc2_terran').position}\\)\\)`));
    await play.report(bw.user, bwDm.messageId, 'Draw');
    await play.report(sc2.user, sc2Dm.messageId, 'Draw');
  });

  it('lets ratings leave the pool 14 days after their last game: the lines, the positions and the profile ranks move with the clock', async () => {
    const before = await expectedPool();
    const secondRound = before.find((rating) => players.slice(30).some((player) => player.name === rating.name))!.lastPlayedAt!.getTime() - 5 * DAY;
    const lastGames = new Map<string, number>();
    for (const rating of before) lastGames.set(rating.name, Math.max(lastGames.get(rating.name) ?? 0, rating.lastPlayedAt!.getTime()));
    const firstRoundOnly = players.find((player) => (lastGames.get(player.name) ?? Infinity) < secondRound)!;
    expect(firstRoundOnly).toBeDefined();
    await firstRoundOnly.user.runCommand('profile');
    expect(firstRoundOnly.user.lastReply()).toMatch(/· rank [SA-F] \(#\d+ of \d+\)/);

    clock.advance(4 * DAY + 60_000);
    const after = await expectedPool();
    expect(after.length).toBeLessThan(before.length);
    expect(after.some((rating) => rating.name === firstRoundOnly.name)).toBe(false);
    const from = outcomes.length;
    await open(viewer);
    const text = viewer.lastReply()!;
    expect(shownLines(text)).toEqual(after.slice(0, 40).map(asLine));
    expect(text).toMatch(new RegExp(`· ${after.length} ranked`));
    await firstRoundOnly.user.runCommand('profile');
    expect(firstRoundOnly.user.lastReply()).toMatch(/\*\* \d+ · unranked · /);
    expect(firstRoundOnly.user.lastReply()).not.toMatch(/· rank [SA-F] \(/);
    expect(queriesSince(from)).toEqual([0, 0]);
  });
});
