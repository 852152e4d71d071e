import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { QueuePopulation, QueuedPlayer } from './queued-player';
import { QueueRepository } from './queue.repository';

/**
 * Everyone in the queue, loaded at boot and kept in step with each write that adds or removes an
 * entry (join, leave, a match created, terms declined): waves and views read it, never the database.
 */
@Injectable()
export class QueueRoster implements OnModuleInit {
  private readonly logger = new Logger(QueueRoster.name);
  private readonly queued = new Map<string, QueuedPlayer>();

  constructor(private readonly repository: QueueRepository) {}

  async onModuleInit(): Promise<void> {
    const entries = await this.repository.entries();
    entries.forEach((entry) => this.queued.set(entry.discordId, entry));
    this.logger.log(`${entries.length} queued players loaded`);
  }

  get(discordId: string): QueuedPlayer | undefined {
    return this.queued.get(discordId);
  }

  add(entry: QueuedPlayer): void {
    this.queued.set(entry.discordId, entry);
  }

  remove(discordId: string): void {
    this.queued.delete(discordId);
  }

  all(): QueuedPlayer[] {
    return [...this.queued.values()];
  }

  get size(): number {
    return this.queued.size;
  }

  /** How many queued players offer each game (a player with both races counts in both). */
  population(): QueuePopulation {
    let bw = 0;
    let sc2 = 0;
    for (const entry of this.queued.values()) {
      if (entry.bw) bw += 1;
      if (entry.sc2) sc2 += 1;
    }
    return { bw, sc2 };
  }
}
