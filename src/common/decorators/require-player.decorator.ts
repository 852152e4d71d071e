import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { PlayerGuard } from '../guards/player.guard';

export const PLAYER_REQUIREMENTS = 'ladder:player-requirements';

export interface PlayerRequirements {
  /** Terms accepted in the current version (default true). */
  terms?: boolean;
  /** Setup completed. */
  setup?: boolean;
  /** Not queued and not in a match. */
  idle?: boolean;
}

/** Checks, from memory and in LADDER.md's order: banned, terms, setup, state. */
export const RequirePlayer = (requirements: PlayerRequirements = {}) =>
  applyDecorators(SetMetadata(PLAYER_REQUIREMENTS, { terms: true, ...requirements }), UseGuards(PlayerGuard));
