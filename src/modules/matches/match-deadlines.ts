import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { PlayerDirectory } from '../players/player-directory';
import { resultOfLoneReport } from './domain/reports';
import { MatchCompletions } from './match-completions';
import { MatchRecord, playerIdOf, reportOf } from './match-record';
import { MatchNotices } from './match-notices';
import { MatchesRepository } from './matches.repository';
import { OpenMatches } from './open-matches';

/**
 * The confirmation step's deadlines: the reminder and the timeout. They are columns of the match, so
 * after a restart they are scheduled again from the matches loaded at boot; each fires by
 * compare-and-set, so a second process or an earlier life that fired it makes this one do nothing.
 */
@Injectable()
export class MatchDeadlines implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchDeadlines.name);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly open: OpenMatches,
    private readonly repository: MatchesRepository,
    private readonly directory: PlayerDirectory,
    private readonly notices: MatchNotices,
    private readonly completions: MatchCompletions,
    private readonly metrics: LadderMetrics,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.timers !== 'clock') return;
    this.open.onChange(() => this.schedule());
    this.schedule();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Fires every deadline due now, one after another; how tests move time on. */
  fireDue(): Promise<void> {
    const run = this.previous.then(() => this.fireAll());
    this.previous = run.catch(() => undefined);
    return run;
  }

  private async fireAll(): Promise<void> {
    const now = this.clock.now();
    for (const match of this.open.all()) {
      try {
        if (match.status === 'awaiting_confirmation') {
          if (match.confirmDeadline <= now) await this.timeOut(match, now);
          else if (match.remindedAt === null && match.reminderAt !== null && match.reminderAt <= now) await this.remind(match, now);
        } else if (match.status === 'confirmed' && match.reportDeadline) {
          if (match.reportDeadline <= now) await this.closeReports(match, now);
          else if (reportReminderDue(match, now)) await this.remindReport(match, now);
        }
      } catch (error) {
        this.logger.warn(`A deadline of match ${match.id} could not fire, trying again later: ${String(error)}`);
      }
    }
  }

  private async timeOut(match: MatchRecord, now: Date): Promise<void> {
    const players = [this.directory.byId(match.player1Id), this.directory.byId(match.player2Id)].filter((player) => player !== undefined);
    const log = players.map((player) => ({
      idempotencyKey: `timeout:${match.id}:${player.discordId}`,
      discordId: player.discordId,
      action: 'match_timed_out' as const,
      settingName: 'match',
      newValue: String(match.id),
      changedBy: 'system',
      at: now,
    }));
    const write = await this.repository.timeOut(match.id, now, log);
    await this.completions.written(write);
    if (write.status !== 'applied' || !write.match) return;
    this.metrics.recordMatchOutcome('timed_out');
    await this.notices.refresh(write.match, [1, 2]);
  }

  private async remind(match: MatchRecord, now: Date): Promise<void> {
    const write = await this.repository.remind(match.id, now);
    if (write.match) this.open.put(write.match);
    if (write.status === 'applied' && write.match) await this.notices.remind(write.match);
  }

  /** At the report deadline a lone report stands, as if the other had agreed; with none the match is cancelled. */
  private async closeReports(match: MatchRecord, now: Date): Promise<void> {
    const lone = ([1, 2] as const).find((side) => reportOf(match, side) !== null);
    const players = ([1, 2] as const).map((side) => this.directory.byId(playerIdOf(match, side))).filter((player) => player !== undefined);
    if (lone) {
      const completion = this.completions.completion(match, resultOfLoneReport(lone, reportOf(match, lone)!));
      await this.completions.written(await this.repository.closeReports(match.id, completion, now, this.completions.ratingLogs(match.id, completion, now)));
      return;
    }
    const log = players.map((player) => ({
      idempotencyKey: `cancel:${match.id}:${player.discordId}`,
      discordId: player.discordId,
      action: 'match_cancelled' as const,
      settingName: 'match',
      newValue: String(match.id),
      changedBy: 'system',
      at: now,
    }));
    const write = await this.repository.closeReports(match.id, { kind: 'cancel' }, now, log);
    await this.completions.written(write);
  }

  private async remindReport(match: MatchRecord, now: Date): Promise<void> {
    const write = await this.repository.remindReport(match.id, now);
    if (write.match) this.open.put(write.match);
    const waiting = ([1, 2] as const).find((side) => reportOf(match, side) === null);
    if (write.status === 'applied' && write.match && waiting) await this.notices.reportReminder(write.match, waiting, false);
  }

  /** One timer, for the earliest deadline still to fire. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const due = this.open
      .all()
      .flatMap((match) => deadlinesOf(match))
      .reduce<Date | undefined>((earliest, at) => (!earliest || at < earliest ? at : earliest), undefined);
    if (!due) return;
    const delay = Math.max(0, due.getTime() - this.clock.now().getTime());
    this.timer = setTimeout(() => {
      this.fireDue().finally(() => this.schedule());
    }, delay);
  }
}

/** The reminder halfway to the report deadline, due while exactly one player has reported. */
function reportReminderDue(match: MatchRecord, now: Date): boolean {
  const reports = [match.player1Report, match.player2Report].filter((report) => report !== null).length;
  return reports === 1 && match.reportRemindedAt === null && match.reportReminderAt !== null && match.reportReminderAt <= now;
}

/** Every deadline of a match still to fire. */
function deadlinesOf(match: MatchRecord): Date[] {
  if (match.status === 'awaiting_confirmation') return [match.confirmDeadline, ...(match.remindedAt === null && match.reminderAt ? [match.reminderAt] : [])];
  if (match.status !== 'confirmed' || !match.reportDeadline) return [];
  const reminder = match.reportRemindedAt === null && match.reportReminderAt ? [match.reportReminderAt] : [];
  return [match.reportDeadline, ...reminder];
}
