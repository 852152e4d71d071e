import { EligiblePlayer } from './eligibility';
import { seededRandom } from './seeded-random';
import { formSides, Sides } from './sides';
import { DEFAULT_WINDOW } from './spec-support';
import { ratingWindow } from './window';

interface Races {
  bw?: number;
  sc2?: number;
  wait?: number;
}

const eligible = (player: number, { bw, sc2, wait = 1 }: Races): EligiblePlayer => {
  const common = { player, waitCount: wait, window: ratingWindow(wait, DEFAULT_WINDOW) };
  return {
    player,
    bw: bw === undefined ? undefined : { ...common, race: 'bw_terran', rating: bw },
    sc2: sc2 === undefined ? undefined : { ...common, race: 'sc2_zerg', rating: sc2 },
  };
};

const playersOf = (sides: Sides) => ({
  bw: sides.bw.map((contender) => contender.player).sort((a, b) => a - b),
  sc2: sides.sc2.map((contender) => contender.player).sort((a, b) => a - b),
});

const form = (players: Races[], seed = 1) => playersOf(formSides(players.map((races, player) => eligible(player, races)), seededRandom(seed)));

describe('forming the sides', () => {
  it('puts single-race players on their game’s side', () => {
    expect(form([{ bw: 1500 }, { sc2: 1500 }, { bw: 1400 }, { sc2: 1700 }])).toEqual({ bw: [0, 2], sc2: [1, 3] });
  });

  it('sends a two-race player to the smaller side, even when he stands higher on the other', () => {
    const sides = formSides([eligible(0, { bw: 1500 }), eligible(1, { bw: 1500 }), eligible(2, { sc2: 1500 }), eligible(3, { bw: 1900, sc2: 1400 })], seededRandom(1));
    expect(sides.sc2.map((contender) => [contender.player, contender.race])).toEqual([
      [2, 'sc2_zerg'],
      [3, 'sc2_zerg'],
    ]);
    expect(sides.bw.map((contender) => contender.player)).toEqual([0, 1]);
  });

  it('splits two-race players evenly, each where they stand higher in their game’s queue', () => {
    expect(form([{ bw: 1700, sc2: 1400 }, { bw: 1400, sc2: 1700 }])).toEqual({ bw: [0], sc2: [1] });
    expect(form([{ bw: 1400, sc2: 1700 }, { bw: 1700, sc2: 1400 }])).toEqual({ bw: [1], sc2: [0] });
  });

  it('compares standings, not raw ratings, across the two games', () => {
    // Player 3's BW 1600 is above his SC2 1450, yet it is the lowest BW rating here and 1450 the highest SC2 one.
    expect(form([{ bw: 1700 }, { bw: 1800 }, { sc2: 1300 }, { bw: 1600, sc2: 1450 }, { sc2: 1400 }, { bw: 1650, sc2: 1200 }])).toEqual({
      bw: [0, 1, 5],
      sc2: [2, 3, 4],
    });
  });

  it('lets the odd one out take the side where he stands higher', () => {
    expect(form([{ bw: 1500 }, { sc2: 1600 }, { bw: 1800, sc2: 1400, wait: 3 }])).toEqual({ bw: [2], sc2: [1] });
    expect(form([{ bw: 1500 }, { sc2: 1600 }, { bw: 1400, sc2: 1800, wait: 3 }])).toEqual({ bw: [0], sc2: [2] });
  });

  it('puts the longest-waiting players of the larger side first, and the rest after', () => {
    const queue: Races[] = [{ bw: 1500, wait: 1 }, { bw: 1500, wait: 4 }, { bw: 2500, wait: 6 }, { sc2: 1500 }, { sc2: 1500 }];
    expect(form(queue)).toEqual({ bw: [1, 2], sc2: [3, 4] });
    const later = formSides(queue.map((races, player) => eligible(player, races)), seededRandom(1)).later;
    expect({ bw: later.bw.map((contender) => contender.player), sc2: later.sc2.map((contender) => contender.player) }).toEqual({ bw: [0], sc2: [] });
  });

  it('draws among equal waits by the seed', () => {
    const queue: Races[] = [{ bw: 1500, wait: 2 }, { bw: 1500 }, { bw: 1500 }, { bw: 1500 }, { bw: 1500 }, { sc2: 1500 }, { sc2: 1500 }];
    const kept = Array.from({ length: 20 }, (_, seed) => form(queue, seed).bw);
    kept.forEach((bw) => expect(bw).toHaveLength(2));
    kept.forEach((bw) => expect(bw).toContain(0));
    expect(new Set(kept.map((bw) => bw.join())).size).toBeGreaterThan(1);
    expect(form(queue, 5)).toEqual(form(queue, 5));
  });
});
