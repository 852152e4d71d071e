import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { ActionLogEntry } from '../logging/significant-actions';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerIdentity } from '../players/players.repository';
import { agreement, Report } from './domain/reports';
import { MatchRecord, otherSide, reportOf, reportRevOf, Side } from './match-record';
import { MatchCompletions } from './match-completions';
import { ShowView } from './match-confirmations.service';
import { MatchNotices } from './match-notices';
import { MatchesRepository, MatchWrite, ReportRequest } from './matches.repository';
import { MatchView } from './match-view';
import { MatchViews } from './match-views';
import { OpenMatches } from './open-matches';
import { ownMatch } from './own-match';

/** How often a report is written again after the opponent's report moved under it. */
const OPPONENT_RACES = 3;

/** The match card's reports: each a compare-and-set on the match and the reporter's report revision. */
@Injectable()
export class MatchReports {
  constructor(
    private readonly open: OpenMatches,
    private readonly directory: PlayerDirectory,
    private readonly repository: MatchesRepository,
    private readonly completions: MatchCompletions,
    private readonly views: MatchViews,
    private readonly notices: MatchNotices,
    private readonly clock: Clock,
  ) {}

  /** A report chosen: the card asks for its Confirm, from memory. */
  choose(who: PlayerIdentity, matchId: number, report: Report): MatchView {
    const { match, side } = ownMatch(this.open, this.directory, who.discordId, matchId);
    this.notices.clickDrew(matchId, side);
    return this.views.viewFor(match, side, match.status === 'confirmed' ? { choosing: report } : {});
  }

  back(who: PlayerIdentity, matchId: number): MatchView {
    const { match, side } = ownMatch(this.open, this.directory, who.discordId, matchId);
    this.notices.clickDrew(matchId, side);
    return this.views.viewFor(match, side);
  }

  /**
   * The report, at the reporter's revision `rev`. Decided against the opponent's report as memory
   * holds it; when that moved meanwhile, the write is stale only for the opponent's part, so it is
   * decided again on the row the database returned and written again.
   */
  async confirm(who: PlayerIdentity, matchId: number, report: Report, rev: number, intentKey: string, show: ShowView): Promise<void> {
    const { match, side } = ownMatch(this.open, this.directory, who.discordId, matchId);
    if (match.status !== 'confirmed' || reportRevOf(match, side) !== rev) {
      await this.notices.showOwn(match, side, show);
      throw outOfDate(match);
    }
    let current = match;
    let write: MatchWrite | undefined;
    for (let attempt = 0; attempt < OPPONENT_RACES; attempt += 1) {
      write = await this.repository.report(this.request(current, side, report, rev, intentKey, who));
      await this.completions.written(write);
      if (write.status !== 'stale' || !write.match) break;
      current = write.match;
      if (current.status !== 'confirmed' || reportRevOf(current, side) !== rev) break;
    }
    const now = write?.match ?? current;
    if (write?.status === 'applied' && now.status === 'confirmed') {
      await this.notices.reportReminder(now, otherSide(side), true);
      await this.notices.refresh(now, [otherSide(side)]);
    }
    if (write?.status === 'stale' && (now.status !== 'confirmed' || reportRevOf(now, side) !== rev)) {
      await this.notices.showOwn(now, side, show);
      throw outOfDate(now);
    }
    await this.notices.showOwn(now, side, show);
  }

  private request(match: MatchRecord, side: Side, report: Report, rev: number, intentKey: string, who: PlayerIdentity): ReportRequest {
    const at = this.clock.now();
    const theirs = reportOf(match, otherSide(side));
    const agreed = side === 1 ? agreement(report, theirs) : agreement(theirs, report);
    const reported: ActionLogEntry = { idempotencyKey: intentKey, discordId: who.discordId, action: 'match_reported', settingName: `match ${match.id}`, newValue: report, changedBy: 'player', at };
    const base = { matchId: match.id, side, report, rev, theirRev: reportRevOf(match, otherSide(side)), at };
    if (agreed.kind === 'agree') {
      const completion = this.completions.completion(match, agreed.result);
      return { ...base, outcome: completion, log: [reported, ...this.completions.ratingLogs(match.id, completion, at)] };
    }
    if (agreed.kind === 'conflict') return { ...base, outcome: { kind: 'conflict' }, log: [reported] };
    const deadline = match.reportDeadline ?? at;
    return { ...base, outcome: { kind: 'pending', reminderAt: new Date(at.getTime() + Math.max(0, deadline.getTime() - at.getTime()) / 2) }, log: [reported] };
  }
}

function outOfDate(match: MatchRecord): InteractionRefusal {
  return new InteractionRefusal('Report out of date', `That card of match #${match.id} was older than your last report, or the match has moved on: nothing was changed.`);
}
