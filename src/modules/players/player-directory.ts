import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NEW_PLAYER, PlayerStatus, PlayerStatusProvider } from '../../common/player-status/player-status';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { PlayerRecord } from './player-record';
import { PlayersRepository } from './players.repository';

/**
 * Every player's record, loaded once at boot into a map that never evicts: guards and pre-filled
 * forms read it with no database round trip. Writes reach it only after the database accepted them.
 */
@Injectable()
export class PlayerDirectory implements PlayerStatusProvider, OnModuleInit {
  private readonly logger = new Logger(PlayerDirectory.name);
  private readonly players = new Map<string, PlayerRecord>();

  constructor(
    private readonly repository: PlayersRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const players = await this.repository.all();
    players.forEach((player) => this.players.set(player.discordId, player));
    this.logger.log(`${players.length} players loaded`);
  }

  get(discordId: string): PlayerRecord | undefined {
    return this.players.get(discordId);
  }

  /** Keeps the newer of two rows: answers of concurrent writes may arrive out of order. */
  put(player: PlayerRecord): void {
    const known = this.players.get(player.discordId);
    if (known && known.rev > player.rev) return;
    this.players.set(player.discordId, player);
  }

  /**
   * After a write whose outcome is unknown: reads the player again, off the command path. Until the
   * answer comes, guards keep the row memory had, which is never newer than the database's.
   */
  reread(discordId: string): Promise<void> {
    return this.repository.find(discordId).then(
      (player) => {
        if (player) this.players.set(discordId, player);
        else this.players.delete(discordId);
      },
      (error: unknown) => this.logger.warn(`Could not read player ${discordId} again after a failed write: ${String(error)}`),
    );
  }

  statusOf(discordId: string): PlayerStatus {
    const player = this.players.get(discordId);
    if (!player) return NEW_PLAYER;
    return {
      banned: player.banned,
      termsAccepted: player.termsAccepted && player.termsVersion === this.config.terms.version,
      setupComplete: player.setupCompletedAt !== null,
      activity: 'idle',
    };
  }
}
