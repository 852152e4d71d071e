import { Injectable } from '@nestjs/common';
import { APIEmbed } from 'discord.js';
import { HistoryPage, ProfileViews } from '../../modules/players/profile-views';

/** The benchmark's "before": a profile or a history page is read from the database and rendered on every use. */
@Injectable()
export class NaiveProfileViews extends ProfileViews {
  override async view(discordId: string): Promise<APIEmbed | undefined> {
    await this.forget(discordId);
    return super.view(discordId);
  }

  override async history(discordId: string, page: number): Promise<HistoryPage | undefined> {
    await this.forget(discordId);
    return super.history(discordId, page);
  }
}
