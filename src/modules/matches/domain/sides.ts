import { Contender } from './contender';
import { EligiblePlayer } from './eligibility';
import { BwRace, Sc2Race } from './queue-entry';
import { RandomSource, randomIndex } from './seeded-random';
import { firstIndexAbove, firstIndexAtLeast } from './sorted-search';

export interface Sides {
  bw: Contender<BwRace>[];
  sc2: Contender<Sc2Race>[];
  /** The larger side's players beyond the smaller side's size: considered after the others. */
  later: { bw: Contender<BwRace>[]; sc2: Contender<Sc2Race>[] };
}

interface TwoRacePlayer {
  bw: Contender<BwRace>;
  sc2: Contender<Sc2Race>;
  /** How much higher the player stands in BW than in SC2, as a share of each game's queue. */
  bwPreference: number;
}

/**
 * Single-race players take their game's side; players with both races fill the smaller side, each
 * where they stand relatively higher; then the larger side puts its longest-waiting players first.
 */
export function formSides(players: readonly EligiblePlayer[], random: RandomSource): Sides {
  const bw: Contender<BwRace>[] = [];
  const sc2: Contender<Sc2Race>[] = [];
  for (const player of players) {
    if (player.bw && !player.sc2) bw.push(player.bw);
    if (player.sc2 && !player.bw) sc2.push(player.sc2);
  }

  const twoRace = twoRacePlayersPreferringBwFirst(players);
  const toBw = bwShare(twoRace, bw.length, sc2.length);
  twoRace.forEach((player, rank) => (rank < toBw ? bw.push(player.bw) : sc2.push(player.sc2)));

  const size = Math.min(bw.length, sc2.length);
  const firstBw = longestWaiting(bw, size, random);
  const firstSc2 = longestWaiting(sc2, size, random);
  return { bw: firstBw, sc2: firstSc2, later: { bw: others(bw, firstBw), sc2: others(sc2, firstSc2) } };
}

function others<C extends Contender>(side: readonly C[], first: readonly C[]): C[] {
  const taken = new Set(first);
  return side.filter((contender) => !taken.has(contender));
}

/**
 * Why standings: the two games are separate rating pools, so 1700 in BW and 1700 in SC2 say nothing
 * about each other; a rating's percentile among this queue's ratings of the same game does.
 */
function twoRacePlayersPreferringBwFirst(players: readonly EligiblePlayer[]): TwoRacePlayer[] {
  const bwStanding = standingAmong(players.flatMap((player) => (player.bw ? [player.bw.rating] : [])));
  const sc2Standing = standingAmong(players.flatMap((player) => (player.sc2 ? [player.sc2.rating] : [])));
  return players
    .flatMap(({ bw, sc2 }) => (bw && sc2 ? [{ bw, sc2, bwPreference: bwStanding(bw.rating) - sc2Standing(sc2.rating) }] : []))
    .sort((a, b) => b.bwPreference - a.bwPreference || a.bw.player - b.bw.player);
}

/** The mid-rank percentile: the share of ratings below, counting ties as half. */
function standingAmong(ratings: number[]): (rating: number) => number {
  const sorted = Float64Array.from(ratings).sort();
  return (rating) => (firstIndexAtLeast(sorted, rating) + firstIndexAbove(sorted, rating)) / (2 * sorted.length);
}

/** How many two-race players, taken in BW-preference order, go to BW so the sides end as even as they can. */
function bwShare(twoRace: readonly TwoRacePlayer[], bwCount: number, sc2Count: number): number {
  const excess = sc2Count + twoRace.length - bwCount;
  const evenShare = Math.floor(excess / 2);
  if (evenShare < 0) return 0;
  if (evenShare >= twoRace.length) return twoRace.length;
  // An odd total leaves one player over: they take the side where they stand higher.
  const oddOneOut = excess % 2 !== 0 && twoRace[evenShare].bwPreference > 0;
  return oddOneOut ? evenShare + 1 : evenShare;
}

/** The `size` longest-waiting contenders; a seeded draw settles who gets the last places among equal waits. */
function longestWaiting<C extends Contender>(side: C[], size: number, random: RandomSource): C[] {
  if (side.length <= size) return side;
  if (size === 0) return [];
  const byWait = [...side].sort((a, b) => b.waitCount - a.waitCount || a.player - b.player);
  const boundaryWait = byWait[size - 1].waitCount;
  const cohortStart = byWait.findIndex((contender) => contender.waitCount === boundaryWait);
  const cohort = byWait.slice(cohortStart).filter((contender) => contender.waitCount === boundaryWait);
  const places = size - cohortStart;
  for (let drawn = 0; drawn < places; drawn += 1) {
    const pick = drawn + randomIndex(random, cohort.length - drawn);
    [cohort[drawn], cohort[pick]] = [cohort[pick], cohort[drawn]];
  }
  return [...byWait.slice(0, cohortStart), ...cohort.slice(0, places)];
}
