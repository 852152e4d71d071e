import fc from 'fast-check';
import { runWave } from './matchmaker';
import { BwRace, QueueEntry, Sc2Race } from './queue-entry';
import { seededRandom } from './seeded-random';
import { DEFAULT_WINDOW, fixtureCatalog, FIXTURE_REGIONS } from './spec-support';
import { DEFAULT_SEARCH_LIMITS, SearchLimits, WaveResult } from './wave';
import { ratingWindow } from './window';

const POOL = ['holy_world', 'radeon', 'sylphid', 'vermeer', 'khione', 'mothership'];

const snowflake = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String);
const rating = fc.integer({ min: 1000, max: 2000 });
const waitCount = fc.integer({ min: 1, max: 12 });
const bwRace = fc.constantFrom<BwRace>('bw_terran', 'bw_zerg', 'bw_protoss');
const sc2Race = fc.constantFrom<Sc2Race>('sc2_terran', 'sc2_zerg', 'sc2_protoss');
const games = fc.constantFrom('bw', 'sc2', 'both');

const entry: fc.Arbitrary<QueueEntry> = fc
  .record({
    playerId: snowflake,
    games,
    bw: fc.record({ race: bwRace, rating }),
    sc2: fc.record({ race: sc2Race, rating }),
    waitCount,
    vetoes: fc.subarray(POOL, { maxLength: 4 }),
    region: fc.constantFrom(...FIXTURE_REGIONS),
  })
  .map(({ games: played, bw, sc2, ...rest }) => ({ ...rest, bw: played === 'sc2' ? undefined : bw, sc2: played === 'bw' ? undefined : sc2 }));

const queue = fc.uniqueArray(entry, { selector: (queued) => queued.playerId, maxLength: 60 });

/** The defaults, or limits small enough to bite on these queues. */
const limits: fc.Arbitrary<SearchLimits> = fc.oneof(
  fc.constant(DEFAULT_SEARCH_LIMITS),
  fc.record({
    candidates: fc.integer({ min: 1, max: 20 }),
    rounds: fc.integer({ min: 1, max: 4 }),
    swapNeighbours: fc.integer({ min: 1, max: 10 }),
    swapPasses: fc.integer({ min: 0, max: 4 }),
  }),
);

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

const run = (entries: readonly QueueEntry[], waveSeed: number, searchLimits: SearchLimits): WaveResult =>
  runWave(entries, {
    window: DEFAULT_WINDOW,
    mapPool: POOL,
    chooseServer: (regionA, regionB) => fixtureCatalog.chooseServer(regionA, regionB),
    random: seededRandom(waveSeed),
    limits: searchLimits,
  });

const W = (waits: number) => ratingWindow(waits, DEFAULT_WINDOW);

describe('matchmaking waves over random queues', () => {
  it('place nobody twice and account for everyone', () => {
    fc.assert(
      fc.property(queue, seed, limits, (entries, waveSeed, searchLimits) => {
        const result = run(entries, waveSeed, searchLimits);
        const placed = [...result.matches.flatMap((match) => [match.player1.playerId, match.player2.playerId]), ...result.stayQueued];
        expect([...placed].sort()).toEqual(entries.map((queued) => queued.playerId).sort());
      }),
    );
  });

  it('pair a BW race against an SC2 race of two different players, as queued', () => {
    fc.assert(
      fc.property(queue, seed, limits, (entries, waveSeed, searchLimits) => {
        const byId = new Map(entries.map((queued) => [queued.playerId, queued]));
        for (const { player1, player2 } of run(entries, waveSeed, searchLimits).matches) {
          expect(player1.playerId).not.toBe(player2.playerId);
          const bwEntry = byId.get(player1.playerId)!;
          const sc2Entry = byId.get(player2.playerId)!;
          expect({ race: player1.race, rating: player1.rating, waitCount: player1.waitCount }).toEqual({ ...bwEntry.bw, waitCount: bwEntry.waitCount });
          expect({ race: player2.race, rating: player2.rating, waitCount: player2.waitCount }).toEqual({ ...sc2Entry.sc2, waitCount: sc2Entry.waitCount });
          expect(player1.race.startsWith('bw_') && player2.race.startsWith('sc2_')).toBe(true);
        }
      }),
    );
  });

  it('keep every pair inside the larger of its two windows', () => {
    fc.assert(
      fc.property(queue, seed, limits, (entries, waveSeed, searchLimits) => {
        for (const { player1, player2 } of run(entries, waveSeed, searchLimits).matches) {
          expect(Math.abs(player1.rating - player2.rating)).toBeLessThanOrEqual(Math.max(W(player1.waitCount), W(player2.waitCount)));
        }
      }),
    );
  });

  it('choose no vetoed map while another is left, and the server of the two regions', () => {
    fc.assert(
      fc.property(queue, seed, limits, (entries, waveSeed, searchLimits) => {
        const byId = new Map(entries.map((queued) => [queued.playerId, queued]));
        for (const match of run(entries, waveSeed, searchLimits).matches) {
          const [bwEntry, sc2Entry] = [byId.get(match.player1.playerId)!, byId.get(match.player2.playerId)!];
          const vetoed = new Set([...bwEntry.vetoes, ...sc2Entry.vetoes]);
          expect(POOL).toContain(match.mapCode);
          if (POOL.some((map) => !vetoed.has(map))) expect(vetoed.has(match.mapCode)).toBe(false);
          expect(match.server).toEqual(fixtureCatalog.chooseServer(bwEntry.region, sc2Entry.region));
        }
      }),
    );
  });

  it('give the same result for the same seed, whatever the order of the entries', () => {
    const shuffledQueue = queue.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length })));
    fc.assert(
      fc.property(shuffledQueue, seed, limits, ([entries, shuffled], waveSeed, searchLimits) => {
        expect(run(shuffled, waveSeed, searchLimits)).toEqual(run(entries, waveSeed, searchLimits));
      }),
    );
  });

  it('leave small queues as a search of every pair and every swap would', () => {
    const everything: SearchLimits = { candidates: 1_000, rounds: 1_000, swapNeighbours: 1_000, swapPasses: DEFAULT_SEARCH_LIMITS.swapPasses };
    // 18 players make sides of at most 9: within 16 candidates and 8 swap neighbours.
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (queued) => queued.playerId, maxLength: 18 }), seed, (entries, waveSeed) => {
        const limited = run(entries, waveSeed, DEFAULT_SEARCH_LIMITS);
        const unlimited = run(entries, waveSeed, everything);
        expect(limited.matches).toEqual(unlimited.matches);
        expect(limited.stayQueued).toEqual(unlimited.stayQueued);
      }),
    );
  });

  it('leave everyone’s pairs unchanged when a player outside every window joins', () => {
    const outsider = fc.record({ playerId: snowflake, games, above: fc.boolean(), margin: fc.integer({ min: 1, max: 400 }), waitCount, bw: bwRace, sc2: sc2Race });
    fc.assert(
      fc.property(queue, outsider, seed, limits, (entries, joining, waveSeed, searchLimits) => {
        fc.pre(!entries.some((queued) => queued.playerId === joining.playerId));
        const ratings = entries.flatMap((queued) => [queued.bw?.rating, queued.sc2?.rating]).filter((value) => value !== undefined);
        const widest = Math.max(W(joining.waitCount), ...entries.map((queued) => W(queued.waitCount)));
        const far = joining.above ? Math.max(2000, ...ratings) + widest + joining.margin : Math.min(1000, ...ratings) - widest - joining.margin;
        const newcomer: QueueEntry = {
          playerId: joining.playerId,
          bw: joining.games === 'sc2' ? undefined : { race: joining.bw, rating: far },
          sc2: joining.games === 'bw' ? undefined : { race: joining.sc2, rating: far },
          waitCount: joining.waitCount,
          vetoes: [],
          region: 'WST',
        };
        const before = run(entries, waveSeed, searchLimits);
        const after = run([...entries, newcomer], waveSeed, searchLimits);
        expect(after.matches).toEqual(before.matches);
        expect(after.stayQueued).toEqual([...before.stayQueued, newcomer.playerId].sort());
      }),
    );
  });
});
