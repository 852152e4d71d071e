import { Injectable } from '@nestjs/common';
import { ChangeMatchedNothing } from '../../database/sql';
import { PlayerDirectory } from './player-directory';
import { PlayerWrite } from './players.repository';
import { ProfileViews } from './profile-views';

/**
 * Runs a players write and brings memory in line: the row it returned, written or as the database
 * holds it. A write that failed with an unknown outcome (a timeout, a lost connection) may have been
 * saved, so the player is read again and every view of them rebuilt.
 */
@Injectable()
export class PlayerUpdates {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly views: ProfileViews,
  ) {}

  async write<W extends PlayerWrite>(discordId: string, work: () => Promise<W>): Promise<W> {
    let write: W;
    try {
      write = await work();
    } catch (error) {
      if (!(error instanceof ChangeMatchedNothing)) {
        this.directory.reread(discordId);
        await this.views.forget(discordId);
      }
      throw error;
    }
    if (write.player) this.directory.confirm(write.player);
    await this.views.rerender(discordId);
    return write;
  }
}
