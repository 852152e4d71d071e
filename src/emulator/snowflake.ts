const DISCORD_EPOCH = 1420070400000n;

/** Discord-shaped ids: strictly increasing, and their timestamp bits follow the emulator clock. */
export class SnowflakeGenerator {
  private last = 0n;

  constructor(private readonly now: () => number) {}

  next(): string {
    const candidate = (BigInt(this.now()) - DISCORD_EPOCH) << 22n;
    this.last = candidate > this.last ? candidate : this.last + 1n;
    return this.last.toString();
  }
}

