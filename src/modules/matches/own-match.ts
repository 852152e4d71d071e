import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { PlayerDirectory } from '../players/player-directory';
import { MatchRecord, Side, sideOf } from './match-record';
import { OpenMatches } from './open-matches';

/** The match, and the clicker's side in it: nobody acts on another player's match. */
export function ownMatch(open: OpenMatches, directory: PlayerDirectory, discordId: string, matchId: number): { match: MatchRecord; side: Side } {
  const match = open.get(matchId);
  if (!match) throw new InteractionRefusal('Match over', `Match #${matchId} is no longer waiting for anything from you.`);
  const player = directory.get(discordId);
  const side = player ? sideOf(match, player.id) : undefined;
  if (!side) throw new InteractionRefusal('Not your match', `Match #${matchId} is between two other players. Nothing was changed.`);
  return { match, side };
}
