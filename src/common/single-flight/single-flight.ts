/** At most one operation per key at a time, in this process: a concurrent repeat is told it is one. */
export class SingleFlight {
  private readonly inFlight = new Set<string>();

  /** Claims the key; returns the release function, or undefined when the key is already claimed. */
  tryEnter(key: string): (() => void) | undefined {
    if (this.inFlight.has(key)) return undefined;
    this.inFlight.add(key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.delete(key);
    };
  }
}
