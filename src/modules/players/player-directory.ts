import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NEW_PLAYER, PlayerStatus, PlayerStatusProvider } from '../../common/player-status/player-status';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { PlayerRecord } from './player-record';
import { PlayersRepository } from './players.repository';

export interface PlayerCounts {
  registered: number;
  termsAccepted: number;
  setupsCompleted: number;
  banned: number;
}

/**
 * Every player's record, loaded once at boot into a map that never evicts: guards and pre-filled
 * forms read it with no database round trip. Writes reach it only after the database accepted them.
 */
@Injectable()
export class PlayerDirectory implements PlayerStatusProvider, OnModuleInit {
  private readonly logger = new Logger(PlayerDirectory.name);
  private readonly players = new Map<string, PlayerRecord>();
  /** Row id -> Discord id: matches name players by row id. */
  private readonly discordIds = new Map<number, string>();
  /** Players a write may have changed without memory knowing: read again until the database answers. */
  private readonly unverified = new Set<string>();
  /** Bumped whenever memory takes a row: views derived from many players are drawn again after it. */
  revision = 0;
  private readonly tally: PlayerCounts = { registered: 0, termsAccepted: 0, setupsCompleted: 0, banned: 0 };

  constructor(
    private readonly repository: PlayersRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const players = await this.repository.all();
    players.forEach((player) => this.put(player));
    this.logger.log(`${players.length} players loaded`);
  }

  get(discordId: string): PlayerRecord | undefined {
    return this.players.get(discordId);
  }

  byId(playerId: number): PlayerRecord | undefined {
    const discordId = this.discordIds.get(playerId);
    return discordId === undefined ? undefined : this.players.get(discordId);
  }

  all(): PlayerRecord[] {
    return [...this.players.values()];
  }

  /** Players whose ladder name or Discord username is `name`, ignoring case (an admin's look-up: it scans). */
  named(name: string): PlayerRecord[] {
    const wanted = name.trim().toLowerCase();
    return [...this.players.values()].filter((player) => player.playerName?.toLowerCase() === wanted || player.discordUsername.toLowerCase() === wanted);
  }

  /** Keeps the newer of two rows (every write bumps `version`): answers of concurrent writes may arrive out of order. */
  put(player: PlayerRecord): void {
    const known = this.players.get(player.discordId);
    if (known && known.version > player.version) return;
    if (known) this.count(known, -1);
    this.count(player, 1);
    this.players.set(player.discordId, player);
    this.discordIds.set(player.id, player.discordId);
    this.revision += 1;
  }

  /** How many players have a record, have accepted the current terms, have finished setup, are banned. */
  counts(): PlayerCounts {
    return { ...this.tally };
  }

  private count(player: PlayerRecord, by: 1 | -1): void {
    this.tally.registered += by;
    if (this.acceptedCurrentTerms(player)) this.tally.termsAccepted += by;
    if (player.setupCompletedAt !== null) this.tally.setupsCompleted += by;
    if (player.banned) this.tally.banned += by;
  }

  private acceptedCurrentTerms(player: PlayerRecord): boolean {
    return player.termsAccepted && player.termsVersion === this.config.terms.version;
  }

  /** Whether memory is known to hold the player as the database does (no write of unknown outcome since). */
  trusts(discordId: string): boolean {
    return !this.unverified.has(discordId);
  }

  /** Players being read again after a write of unknown outcome. */
  rereading(): string[] {
    return [...this.unverified];
  }

  /** A row the database returned in the same statement as a write: memory holds the truth again. */
  confirm(player: PlayerRecord): void {
    this.put(player);
    this.unverified.delete(player.discordId);
  }

  /**
   * After a write whose outcome is unknown: reads the player again, off the command path, retrying
   * until the database answers. Until then guards keep the row memory had, and nothing is decided
   * from it alone (see `trusts`).
   */
  reread(discordId: string, retryMs = 500): void {
    this.unverified.add(discordId);
    this.repository.find(discordId).then(
      (player) => {
        if (!this.unverified.has(discordId)) return;
        if (player) this.confirm(player);
        else this.unverified.delete(discordId);
      },
      (error: unknown) => {
        this.logger.warn(`Could not read player ${discordId} again after a failed write, retrying: ${String(error)}`);
        setTimeout(() => this.unverified.has(discordId) && this.reread(discordId, Math.min(retryMs * 2, 30_000)), retryMs).unref();
      },
    );
  }

  statusOf(discordId: string): PlayerStatus {
    const player = this.players.get(discordId);
    if (!player) return NEW_PLAYER;
    return {
      banned: player.banned,
      termsAccepted: this.acceptedCurrentTerms(player),
      setupComplete: player.setupCompletedAt !== null,
      activity: player.activity,
      activitySince: player.activityAt,
      matchId: player.currentMatchId,
    };
  }
}
