/**
 * Real time plus an offset. Tests move it forward to cross Discord's deadlines (3 s, 15 min)
 * without waiting, while the bot keeps running on real timers.
 */
export class EmulatorClock {
  private offset = 0;

  constructor(private readonly base: () => number = Date.now) {}

  now(): number {
    return this.base() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
