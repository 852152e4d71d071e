import { hasRace, racesOf, selectionFrom } from './queue-selection';

const POOL = ['celestial_enclave', 'holy_world', 'keres_passage', 'khione', 'mothership', 'radeon'];

describe('a queue selection', () => {
  it('keeps one race per game and the vetoes in pool order', () => {
    expect(selectionFrom(['sc2_zerg', 'bw_terran'], ['radeon', 'holy_world'], POOL)).toEqual({ bw: 'bw_terran', sc2: 'sc2_zerg', vetoes: ['holy_world', 'radeon'] });
  });

  it('drops what no longer holds: unknown races, maps out of the pool, vetoes past four', () => {
    expect(selectionFrom(['bw_random', 'sc2_terran'], ['fighting_spirit', 'khione'], POOL)).toEqual({ bw: undefined, sc2: 'sc2_terran', vetoes: ['khione'] });
    expect(selectionFrom([], POOL, POOL).vetoes).toEqual(POOL.slice(0, 4));
  });

  it('takes the first race of a game when given two', () => {
    expect(selectionFrom(['bw_zerg', 'bw_protoss'], [], POOL).bw).toBe('bw_zerg');
  });

  it('names its races BW first, and knows whether there is one', () => {
    expect(racesOf({ sc2: 'sc2_protoss', bw: 'bw_zerg', vetoes: [] })).toEqual(['bw_zerg', 'sc2_protoss']);
    expect(hasRace({ vetoes: ['khione'] })).toBe(false);
    expect(hasRace({ sc2: 'sc2_protoss', vetoes: [] })).toBe(true);
  });
});
