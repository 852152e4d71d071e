import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { FINISHED, MatchRecord } from './match-record';
import { MatchesRepository } from './matches.repository';

/**
 * Matches not finished, loaded at boot and kept as each write returns them: their buttons are checked
 * and their views drawn from here, and their deadlines scheduled from it.
 */
@Injectable()
export class OpenMatches implements OnModuleInit {
  private readonly logger = new Logger(OpenMatches.name);
  private readonly matches = new Map<number, MatchRecord>();
  /** The last state of matches that ended lately: a message edit drawn late still shows how it ended. */
  private readonly ended = new Map<number, MatchRecord>();
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

  /** The newest state known, open or lately ended. */
  latest(matchId: number): MatchRecord | undefined {
    return this.matches.get(matchId) ?? this.ended.get(matchId);
  }

  all(): MatchRecord[] {
    return [...this.matches.values()];
  }

  /** A match as a write returned it; a finished one is dropped. Listeners (the deadlines) hear of it. */
  put(match: MatchRecord): void {
    const known = this.latest(match.id);
    if (known && isNewer(known, match)) return;
    // The DMs are saved just after creation: a row read before that does not forget them.
    match = { ...match, player1DmMessageId: match.player1DmMessageId ?? known?.player1DmMessageId ?? null, player2DmMessageId: match.player2DmMessageId ?? known?.player2DmMessageId ?? null };
    if (FINISHED.includes(match.status)) {
      this.matches.delete(match.id);
      this.ended.set(match.id, match);
      if (this.ended.size > ENDED_KEPT) this.ended.delete(this.ended.keys().next().value!);
    } else this.matches.set(match.id, match);
    this.listeners.forEach((listener) => listener(match));
  }

  onChange(listener: (match: MatchRecord) => void): void {
    this.listeners.add(listener);
  }
}

const ENDED_KEPT = 1000;

const STAGE: Record<MatchRecord['status'], number> = { awaiting_confirmation: 0, confirmed: 1, aborted: 2, timed_out: 2, completed: 2, conflict: 2, cancelled: 2 };

/** Two writes in one millisecond: the one further along (status, then confirmations) is the newer. */
function isNewer(a: MatchRecord, b: MatchRecord): boolean {
  if (a.updatedAt.getTime() !== b.updatedAt.getTime()) return a.updatedAt > b.updatedAt;
  const progress = (match: MatchRecord) =>
    STAGE[match.status] * 1000 + Number(match.player1ConfirmedAt !== null) + Number(match.player2ConfirmedAt !== null) + 10 * (match.player1ReportRev + match.player2ReportRev);
  return progress(a) > progress(b);
}
