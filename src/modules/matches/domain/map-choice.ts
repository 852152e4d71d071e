import { RandomSource, randomIndex } from './seeded-random';

/** Uniformly from the pool minus both players' vetoes; from the whole pool when the vetoes cover it. */
export function chooseMap(pool: readonly string[], vetoesA: readonly string[], vetoesB: readonly string[], random: RandomSource): string {
  if (pool.length === 0) throw new Error('The map pool is empty');
  const vetoed = new Set([...vetoesA, ...vetoesB]);
  const allowed = pool.filter((map) => !vetoed.has(map));
  const choices = allowed.length > 0 ? allowed : pool;
  return choices[randomIndex(random, choices.length)];
}
