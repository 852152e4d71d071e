import { Injectable } from '@nestjs/common';
import { APIEmbed } from 'discord.js';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { quoted } from '../../common/text/quoted';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { abortsLeft } from '../players/domain/aborts';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerRecord } from '../players/player-record';
import { HistoryPage, ProfileViews } from '../players/profile-views';
import { AdminMatches } from './admin-matches';
import { AdminMatchView } from './admin-view';

export interface AdminPlayerView {
  player: PlayerRecord;
  profile: APIEmbed;
  history: HistoryPage;
  abortsLeft: number;
  abortsPerMonth: number;
}

/** /admin player and /admin match: what the admin tools show of a player or a match. */
@Injectable()
export class AdminLookups {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly profiles: ProfileViews,
    private readonly matches: AdminMatches,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** By mention, else by ladder name or Discord username. */
  async player(target: { discordId?: string; name?: string }): Promise<AdminPlayerView> {
    const player = this.find(target);
    const profile = await this.profiles.view(player.discordId);
    const history = await this.profiles.history(player.discordId, 1);
    if (!profile || !history) throw new InteractionRefusal('No such player', 'That player has no ladder record.');
    const abortsPerMonth = this.config.ladder.abortsPerMonth;
    return { player, profile, history, abortsLeft: abortsLeft(player, abortsPerMonth, this.clock.now()), abortsPerMonth };
  }

  async match(matchId: number): Promise<AdminMatchView> {
    const match = await this.matches.find(matchId);
    if (!match) throw new InteractionRefusal('No such match', `There is no match #${matchId}.`);
    return this.matches.viewOf(match);
  }

  private find(target: { discordId?: string; name?: string }): PlayerRecord {
    if (target.discordId) {
      const player = this.directory.get(target.discordId);
      if (!player) throw new InteractionRefusal('No such player', 'That person has no ladder record yet.');
      return player;
    }
    if (!target.name) throw new InteractionRefusal('Player', 'Name the player: mention them (user) or give their name (name).');
    const found = this.directory.named(target.name);
    if (found.length === 0) throw new InteractionRefusal('No such player', `No player is named ${quoted(target.name)}.`);
    if (found.length > 1) throw new InteractionRefusal('Several players', `${found.length} players are named ${quoted(target.name)}: mention the one you mean.`);
    return found[0];
  }
}
