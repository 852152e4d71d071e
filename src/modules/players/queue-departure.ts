import { Change } from '../../database/guarded-write';

/**
 * How the players module takes a queued player out of the queue (terms declined) without knowing the
 * queue: the queue module provides it under QUEUE_DEPARTURE.
 */
export interface QueueDeparture {
  /** The parts to add to the players write that makes the player leave. */
  leaveChanges(playerId: number): Change[];
  /** Once that write is applied. */
  left(discordId: string): void;
}

export const QUEUE_DEPARTURE = Symbol('QUEUE_DEPARTURE');
