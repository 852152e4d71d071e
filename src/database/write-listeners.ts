import { WriteStatus } from './guarded-write';

type WriteListener = (status: WriteStatus) => void;

/**
 * Hears the outcome of every guarded write, so whoever tracks the work in progress (the interaction
 * pipeline) learns of commits and repeats without the database layer knowing of it.
 */
export class WriteListeners {
  private readonly listeners = new Set<WriteListener>();

  /** Calls `listener` for every write until the returned function is called. */
  subscribe(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(status: WriteStatus): void {
    for (const listener of this.listeners) listener(status);
  }
}
