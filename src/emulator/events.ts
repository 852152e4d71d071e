import type { EventEmitter } from 'node:events';
import type { EmulatorEvents } from './types';

/** Listens to one emulator event; returns the function that stops listening. */
export function subscribe<K extends keyof EmulatorEvents>(
  events: EventEmitter<EmulatorEvents>,
  event: K,
  handler: (...args: EmulatorEvents[K]) => void,
): () => void {
  // node's typed EventEmitter cannot resolve a generic event key, so the listener is registered untyped
  const untyped = events as unknown as EventEmitter;
  const listener = handler as (...args: unknown[]) => void;
  untyped.on(event, listener);
  return () => untyped.off(event, listener);
}
