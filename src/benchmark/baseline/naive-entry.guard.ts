import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { interactionOf } from '../../common/guards/interaction-of';
import { RankedRatings } from '../../modules/leaderboard/ranked-ratings';
import { PlayerDirectory } from '../../modules/players/player-directory';
import { PlayersRepository } from '../../modules/players/players.repository';
import { STATIC_FILE_NAMES } from '../../modules/static-data/domain/static-data.schemas';
import { StaticDataRepository } from '../../modules/static-data/static-data.repository';

/**
 * The benchmark's "before", at the entry of every interaction and ahead of its acknowledgement: the
 * static data read from the database (one statement per data set), the player's row read again for
 * the guards, and a leaderboard's ratings read whole.
 */
@Injectable()
export class NaiveEntryGuard implements CanActivate {
  constructor(private readonly moduleRef: ModuleRef) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const interaction = interactionOf(context);
    if (!interaction) return true;
    const find = <T>(type: new (...args: never[]) => T) => this.moduleRef.get(type, { strict: false });
    for (const name of STATIC_FILE_NAMES) await find(StaticDataRepository).find([name]);
    const player = await find(PlayersRepository).find(interaction.user.id);
    if (player) find(PlayerDirectory).confirm(player);
    if (isLeaderboard(interaction)) await find(RankedRatings).onModuleInit();
    return true;
  }
}

function isLeaderboard(interaction: NonNullable<ReturnType<typeof interactionOf>>): boolean {
  if (interaction.isChatInputCommand()) return interaction.commandName === 'leaderboard';
  return interaction.isMessageComponent() && interaction.customId.startsWith('leaderboard/');
}
