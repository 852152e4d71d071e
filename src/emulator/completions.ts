/**
 * When the bot says it has finished handling an interaction (the app records each one as it ends),
 * so a driver waits for exactly that instead of guessing from a quiet spell.
 */
export class Completions {
  private readonly finishedIds = new Set<string>();
  private readonly waiting = new Map<string, Array<() => void>>();

  finish(interactionId: string): void {
    this.finishedIds.add(interactionId);
    this.waiting.get(interactionId)?.forEach((resolve) => resolve());
    this.waiting.delete(interactionId);
  }

  /** Resolves once `interactionId` has finished, at once if it already has; each finish is waited for once. */
  finished(interactionId: string): Promise<void> {
    if (this.finishedIds.delete(interactionId)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(interactionId, [...(this.waiting.get(interactionId) ?? []), resolve]));
  }
}
