const DIGIT_BITS = 16;
const DIGITS_PER_WORD = 32 / DIGIT_BITS;
const BUCKETS = 1 << DIGIT_BITS;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;
/** Below this, filling the buckets costs more than a comparator sort saves. */
const RADIX_FROM = 4096;

/**
 * Positions 0..n-1 ordered by ascending value (no NaN), equal values in position order. Why a radix
 * sort: a wave orders hundreds of thousands of candidate pairs by score, where a comparator sort is
 * several times slower; an LSD radix sort is linear and stable by construction.
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const count = values.length;
  const keys = new Float64Array(count);
  // Adding 0 turns -0 into 0, so the two sort as equal.
  for (let position = 0; position < count; position += 1) keys[position] = values[position] + 0;
  if (count < RADIX_FROM) return positions(count).sort((a, b) => keys[a] - keys[b] || a - b);
  const words = new Uint32Array(keys.buffer);
  for (let position = 0; position < count; position += 1) toUnsignedOrder(words, 2 * position);

  let order: Uint32Array = positions(count);
  let spare: Uint32Array = new Uint32Array(count);
  const starts = new Uint32Array(BUCKETS);
  for (let digit = 0; digit < 2 * DIGITS_PER_WORD; digit += 1) {
    const word = digit < DIGITS_PER_WORD ? LOW_WORD : HIGH_WORD;
    const shift = (digit % DIGITS_PER_WORD) * DIGIT_BITS;
    starts.fill(0);
    for (let index = 0; index < count; index += 1) starts[(words[2 * order[index] + word] >>> shift) & (BUCKETS - 1)] += 1;
    if (starts.includes(count)) continue; // one digit for all: this pass would change nothing
    let next = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
      const size = starts[bucket];
      starts[bucket] = next;
      next += size;
    }
    for (let index = 0; index < count; index += 1) {
      const position = order[index];
      spare[starts[(words[2 * position + word] >>> shift) & (BUCKETS - 1)]++] = position;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

function positions(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let position = 0; position < count; position += 1) order[position] = position;
  return order;
}

/** Rewrites one double's bits so that comparing them as unsigned integers orders the doubles. */
function toUnsignedOrder(words: Uint32Array, at: number): void {
  const high = words[at + HIGH_WORD];
  if (high >>> 31) {
    words[at + HIGH_WORD] = ~high;
    words[at + LOW_WORD] = ~words[at + LOW_WORD];
  } else {
    words[at + HIGH_WORD] = high | 0x80000000;
  }
}
