import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { QueueSelection, racesOf } from './domain/queue-selection';
import { QueueRepository } from './queue.repository';

export interface SavedPreferences {
  races: string[];
  vetoes: string[];
}

/**
 * The races and vetoes each player chose last, loaded at boot so /queue opens pre-filled with no round
 * trip. Saved last-write-wins, with no log row and no revision: a preference is not a decision.
 */
@Injectable()
export class QueuePreferences implements OnModuleInit {
  private readonly logger = new Logger(QueuePreferences.name);
  private readonly saved = new Map<number, SavedPreferences>();

  constructor(
    private readonly repository: QueueRepository,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const all = await this.repository.preferences();
    all.forEach(({ playerId, races, vetoes }) => this.saved.set(playerId, { races, vetoes }));
    this.logger.log(`${all.length} queue preferences loaded`);
  }

  of(playerId: number): SavedPreferences | undefined {
    return this.saved.get(playerId);
  }

  /** Remembered at once; written after, an older write never replacing a newer one. */
  async save(playerId: number, selection: QueueSelection): Promise<void> {
    const preferences = { races: racesOf(selection), vetoes: [...selection.vetoes] };
    this.saved.set(playerId, preferences);
    try {
      await this.repository.savePreferences(playerId, preferences, this.clock.now());
    } catch (error) {
      this.logger.warn(`Could not save the queue preferences of player ${playerId}: ${String(error)}`);
    }
  }

  /** A Join writes the preferences in its own statement: memory follows. */
  joined(playerId: number, selection: QueueSelection): void {
    this.saved.set(playerId, { races: racesOf(selection), vetoes: [...selection.vetoes] });
  }
}
