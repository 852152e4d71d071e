import { chooseMap } from './map-choice';
import { seededRandom } from './seeded-random';

const POOL = ['holy_world', 'radeon', 'sylphid', 'vermeer', 'khione'];

const choices = (vetoesA: string[], vetoesB: string[], count = 2000) => {
  const random = seededRandom(11);
  return Array.from({ length: count }, () => chooseMap(POOL, vetoesA, vetoesB, random));
};

const tally = (maps: string[]) => maps.reduce((counts, map) => counts.set(map, (counts.get(map) ?? 0) + 1), new Map<string, number>());

describe('the map choice', () => {
  it('never picks a map either player vetoed', () => {
    const maps = new Set(choices(['holy_world', 'radeon'], ['radeon', 'khione']));
    expect([...maps].sort()).toEqual(['sylphid', 'vermeer']);
  });

  it('picks uniformly among the maps left', () => {
    const counts = tally(choices(['khione'], [], 8000));
    expect([...counts.keys()].sort()).toEqual(['holy_world', 'radeon', 'sylphid', 'vermeer']);
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('picks from the whole pool when the vetoes cover it', () => {
    const maps = new Set(choices(['holy_world', 'radeon', 'sylphid'], ['vermeer', 'khione']));
    expect([...maps].sort()).toEqual([...POOL].sort());
  });

  it('ignores vetoes of maps no longer in the pool', () => {
    const maps = new Set(choices(['old_map', 'holy_world'], ['radeon', 'sylphid', 'vermeer']));
    expect([...maps]).toEqual(['khione']);
  });

  it('refuses an empty pool', () => {
    expect(() => chooseMap([], [], [], seededRandom(1))).toThrow('The map pool is empty');
  });
});
