import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { PlayerGuard } from '../guards/player.guard';
import { PLAYER_REQUIREMENTS, PlayerRequirements } from '../player-status/player-requirements';

/** Checks, from memory and in LADDER.md's order: banned, terms, setup, state. */
export const RequirePlayer = (requirements: PlayerRequirements = {}) =>
  applyDecorators(SetMetadata(PLAYER_REQUIREMENTS, { terms: true, ...requirements }), UseGuards(PlayerGuard));
