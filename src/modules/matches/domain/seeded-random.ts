/** Uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32: 32 bits of state, fast, and evenly spread enough to draw maps and break ties. The same
 * seed (a wave id) always gives the same sequence, which makes a wave reproducible.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A uniform index into a list of `length` items. */
export function randomIndex(random: RandomSource, length: number): number {
  return Math.floor(random() * length);
}
