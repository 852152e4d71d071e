import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { PlayerDirectory } from './player-directory';
import { PlayerIdentity, PlayersRepository } from './players.repository';
import { PlayerUpdates } from './player-updates';

export interface TermsAnswer {
  accepted: boolean;
  version: string;
}

@Injectable()
export class TermsService {
  constructor(
    private readonly repository: PlayersRepository,
    private readonly directory: PlayerDirectory,
    private readonly updates: PlayerUpdates,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  get current(): { url: string; version: string } {
    return this.config.terms;
  }

  /** Accept or decline the terms shown in version `version`; refused when they have changed since. */
  async answer(who: PlayerIdentity, accepted: boolean, version: string, intentKey: string): Promise<TermsAnswer> {
    if (version !== this.config.terms.version) {
      throw new InteractionRefusal('The terms have changed', 'Run /termsofservice again to read the current terms.');
    }
    const at = this.clock.now();
    const previous = this.directory.get(who.discordId);
    const player = await this.repository.recordTerms(who, { accepted, version }, at, [
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
    ]);
    await this.updates.apply(who.discordId, player);
    return { accepted, version };
  }
}
