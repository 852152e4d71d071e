import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { MatchFigures, WeekTally } from './domain/week-tally';
import { utcWeekStart } from './domain/utc-periods';
import { MatchesRepository } from './matches.repository';
import { OpenMatches } from './open-matches';

/** The community's match figures, loaded at boot with one statement and then kept by every match a write returns. */
@Injectable()
export class MatchTally implements OnModuleInit {
  private readonly logger = new Logger(MatchTally.name);
  private readonly tally = new WeekTally();

  constructor(
    private readonly repository: MatchesRepository,
    private readonly open: OpenMatches,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const matches = await this.repository.tallied(utcWeekStart(this.clock.now()));
    matches.forEach((match) => this.tally.record(match));
    this.open.onChange((match) => this.tally.record(match));
    this.logger.log(`${matches.length} matches of this week or in conflict counted`);
  }

  figures(): MatchFigures {
    return this.tally.figures(this.clock.now());
  }
}
