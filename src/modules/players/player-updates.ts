import { Injectable } from '@nestjs/common';
import { PlayerRecord } from './player-record';
import { PlayerDirectory } from './player-directory';
import { PlayersRepository } from './players.repository';
import { ProfileViews } from './profile-views';

/** Brings memory in line after a write: the written row, or after a repeat the row as the database holds it. */
@Injectable()
export class PlayerUpdates {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly repository: PlayersRepository,
    private readonly views: ProfileViews,
  ) {}

  async apply(discordId: string, written: PlayerRecord | undefined): Promise<void> {
    // A repeat is rare (a retry after a restart or a lost answer): it alone pays a second round trip.
    const player = written ?? (await this.repository.find(discordId));
    if (player) this.directory.put(player);
    await this.views.forget(discordId);
  }
}
