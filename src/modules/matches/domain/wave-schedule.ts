/**
 * Waves are anchored to the clock: wave n starts at n x interval after the epoch, so every process
 * agrees on the wave id (and the seed it gives the matchmaker) without talking to another.
 */
export function waveIdAt(time: Date, intervalSeconds: number): number {
  return Math.floor(time.getTime() / 1000 / intervalSeconds);
}

export function waveStart(waveId: number, intervalSeconds: number): Date {
  return new Date(waveId * intervalSeconds * 1000);
}

/** The wave after the one under way at `time`: the next to start on the schedule. */
export function nextWaveId(time: Date, intervalSeconds: number): number {
  return waveIdAt(time, intervalSeconds) + 1;
}

/**
 * Waves a player has waited, this one included: those that started after they joined, up to `waveId`.
 * Derived from the join time alone, so it survives restarts with nothing stored per wave.
 */
export function waitCount(waveId: number, joinedAt: Date, intervalSeconds: number): number {
  return Math.max(1, waveId - waveIdAt(joinedAt, intervalSeconds));
}
