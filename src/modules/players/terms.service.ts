import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { ActionLogEntry } from '../logging/significant-actions';
import { PlayerRecord } from './player-record';
import { PlayerDirectory } from './player-directory';
import { PlayerIdentity, PlayersRepository } from './players.repository';
import { PlayerUpdates } from './player-updates';
import { QUEUE_DEPARTURE, QueueDeparture } from './queue-departure';

export interface TermsView {
  url: string;
  version: string;
  /** The settings revision the buttons act on (0: no record yet). */
  rev: number;
}

/**
 * `saved`: the answer was written; `unchanged`: it was the player's answer already, so nothing was
 * written; `stale`: the message was older than the player's settings, and `accepted` is what holds now.
 */
export interface TermsAnswer {
  accepted: boolean;
  outcome: 'saved' | 'unchanged' | 'stale';
  terms: TermsView;
}

@Injectable()
export class TermsService {
  constructor(
    private readonly repository: PlayersRepository,
    private readonly directory: PlayerDirectory,
    private readonly updates: PlayerUpdates,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(QUEUE_DEPARTURE) private readonly queue: QueueDeparture,
  ) {}

  /** The current terms, with the buttons' precondition: the player's revision as memory holds it. */
  viewFor(discordId: string): TermsView {
    return { ...this.config.terms, rev: this.directory.get(discordId)?.rev ?? 0 };
  }

  /** Accept or decline the terms of version `version`, shown at revision `rev`; refused when the terms have changed since. */
  async answer(who: PlayerIdentity, accepted: boolean, version: string, rev: number, intentKey: string): Promise<TermsAnswer> {
    if (version !== this.config.terms.version) {
      throw new InteractionRefusal('The terms have changed', 'Run /termsofservice again to read the current terms.');
    }
    const previous = this.directory.get(who.discordId);
    const unchanged = (previous?.rev ?? 0) === rev && this.accepts(previous) === accepted;
    if (unchanged && this.directory.trusts(who.discordId)) return this.answered(accepted, 'unchanged', who.discordId);

    const activity = previous?.activity ?? 'idle';
    if (!accepted && activity === 'in_match') {
      throw new InteractionRefusal('In a match', 'You can decline the terms once your match is over. Nothing was changed.');
    }
    const leaving = !accepted && activity === 'queued' && previous ? this.queue.leaveChanges(previous.id) : [];
    const at = this.clock.now();
    const entries: ActionLogEntry[] = [
      {
        idempotencyKey: intentKey,
        discordId: who.discordId,
        action: accepted ? 'terms_accepted' : 'terms_declined',
        settingName: 'terms_version',
        oldValue: previous?.termsAccepted ? previous.termsVersion : null,
        newValue: accepted ? version : null,
        changedBy: 'player',
        at,
      },
    ];
    const write = await this.updates.write(who.discordId, () => this.repository.recordTerms(who, { accepted, version }, { rev, activity, leaving }, at, entries));
    if (write.status === 'applied' && leaving.length > 0) this.queue.left(who.discordId);
    if (write.status === 'stale') return this.answered(this.accepts(write.player), 'stale', who.discordId);
    return this.answered(accepted, 'saved', who.discordId);
  }

  private answered(accepted: boolean, outcome: TermsAnswer['outcome'], discordId: string): TermsAnswer {
    return { accepted, outcome, terms: this.viewFor(discordId) };
  }

  /** Whether the player holds the current terms accepted. */
  private accepts(player: PlayerRecord | undefined): boolean {
    return player?.termsAccepted === true && player.termsVersion === this.config.terms.version;
  }
}
