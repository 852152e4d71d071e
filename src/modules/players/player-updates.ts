import { Injectable } from '@nestjs/common';
import { PlayerDirectory } from './player-directory';
import { PlayerWrite } from './players.repository';
import { ProfileViews } from './profile-views';

/** Brings memory in line after a write: the row it returned, written or as the database holds it. */
@Injectable()
export class PlayerUpdates {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly views: ProfileViews,
  ) {}

  async apply(discordId: string, write: PlayerWrite): Promise<void> {
    if (write.player) this.directory.put(write.player);
    await this.views.rerender(discordId);
  }
}
