import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { interactionOf } from '../../common/guards/interaction-of';
import { PlayerDirectory } from '../players/player-directory';
import { sideOf } from './match-record';
import { matchIdOf } from './match.routes';
import { OpenMatches } from './open-matches';

/**
 * Only the two players of a match act on its buttons. Checked from memory before the click is
 * acknowledged, so another person's click leaves the players' messages as they were.
 */
@Injectable()
export class MatchParticipantGuard implements CanActivate {
  constructor(
    private readonly open: OpenMatches,
    private readonly directory: PlayerDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const interaction = interactionOf(context);
    if (!interaction?.isMessageComponent()) return true;
    const matchId = matchIdOf(interaction.customId);
    const match = matchId === undefined ? undefined : this.open.get(matchId);
    if (!match) throw new InteractionRefusal('Match over', 'This match is no longer waiting for anything from you.');
    const player = this.directory.get(interaction.user.id);
    if (!player || !sideOf(match, player.id)) throw new InteractionRefusal('Not your match', `Match #${match.id} is between two other players. Nothing was changed.`);
    return true;
  }
}
