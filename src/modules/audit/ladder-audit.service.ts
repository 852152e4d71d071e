import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { RANKED_DAYS } from '../leaderboard/domain/ranks';
import { RankedRatings } from '../leaderboard/ranked-ratings';
import { OpenMatches } from '../matches/open-matches';
import { PlayerDirectory } from '../players/player-directory';
import { ProfileViews } from '../players/profile-views';
import { QueueRoster } from '../queue/queue-roster';
import { AuditRepository } from './audit.repository';
import { ladderViolations } from './domain/ladder-invariants';
import { LadderMemory, LadderSnapshot } from './domain/ladder-snapshot';
import { memoryDrift } from './domain/memory-drift';

export interface AuditReport {
  clean: boolean;
  violations: string[];
  checked: { players: number; ratings: number; matches: number; queued: number; logRows: number; adminActions: number };
}

/**
 * Whether the ladder is whole: the database against its own invariants (ratings, counters, states,
 * the action log) and the bot's memory against the database.
 */
@Injectable()
export class LadderAudit {
  constructor(
    private readonly repository: AuditRepository,
    private readonly directory: PlayerDirectory,
    private readonly roster: QueueRoster,
    private readonly open: OpenMatches,
    private readonly profiles: ProfileViews,
    private readonly ranked: RankedRatings,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async run(): Promise<AuditReport> {
    const first = await this.findings();
    if (first.violations.length === 0) return reportOf(first);
    // The tables are read one after another: a write landing between two reads can look like a fault
    // once. A real one is still there at a second reading.
    const second = await this.findings();
    return reportOf({ ...second, violations: second.violations.filter((violation) => first.violations.includes(violation)) });
  }

  private async findings(): Promise<{ snapshot: LadderSnapshot; violations: string[] }> {
    const snapshot = await this.repository.snapshot();
    const violations = [...ladderViolations(snapshot, this.config.ladder.initialRating), ...memoryDrift(snapshot, this.memory())];
    return { snapshot, violations };
  }

  private memory(): LadderMemory {
    return {
      players: this.directory.all(),
      rereading: this.directory.rereading(),
      queue: this.roster.all(),
      openMatches: this.open.all(),
      keptRatings: this.profiles.keptRatings(),
      rankedPool: [...this.ranked.pool().ratings],
      rankedSince: new Date(this.clock.now().getTime() - RANKED_DAYS * 86_400_000),
    };
  }
}

function reportOf({ snapshot, violations }: { snapshot: LadderSnapshot; violations: string[] }): AuditReport {
  return {
    clean: violations.length === 0,
    violations,
    checked: {
      players: snapshot.players.length,
      ratings: snapshot.ratings.length,
      matches: snapshot.matches.length,
      queued: snapshot.queue.length,
      logRows: snapshot.logs.length,
      adminActions: snapshot.audits.length,
    },
  };
}
