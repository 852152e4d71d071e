import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MatchRecord } from './match-record';
import { MatchesRepository } from './matches.repository';

/**
 * Matches not finished, loaded at boot and kept as each write returns them: their buttons are checked
 * and their views drawn from here, and their deadlines scheduled from it.
 */
@Injectable()
export class OpenMatches implements OnModuleInit {
  private readonly logger = new Logger(OpenMatches.name);
  private readonly matches = new Map<number, MatchRecord>();
  private readonly listeners = new Set<(match: MatchRecord) => void>();

  constructor(private readonly repository: MatchesRepository) {}

  async onModuleInit(): Promise<void> {
    const matches = await this.repository.unfinished();
    matches.forEach((match) => this.matches.set(match.id, match));
    this.logger.log(`${matches.length} unfinished matches loaded`);
  }

  get(matchId: number): MatchRecord | undefined {
    return this.matches.get(matchId);
  }

  all(): MatchRecord[] {
    return [...this.matches.values()];
  }

  /** A match as a write returned it; a finished one is dropped. Listeners (the deadlines) hear of it. */
  put(match: MatchRecord): void {
    const known = this.matches.get(match.id);
    if (known && known.updatedAt > match.updatedAt) return;
    if (match.status === 'aborted' || match.status === 'timed_out') this.matches.delete(match.id);
    else this.matches.set(match.id, match);
    this.listeners.forEach((listener) => listener(match));
  }

  onChange(listener: (match: MatchRecord) => void): void {
    this.listeners.add(listener);
  }
}
