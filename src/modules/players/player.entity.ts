import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('players')
@Unique('uq_players_discord_id', ['discordId'])
export class Player {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Snowflakes exceed 2^53, so they are stored and handled as text. */
  @Column({ name: 'discord_id', type: 'varchar', length: 20 })
  discordId!: string;

  @Column({ name: 'discord_username', type: 'varchar', length: 100 })
  discordUsername!: string;

  @Column({ name: 'player_name', type: 'varchar', length: 12, nullable: true })
  playerName!: string | null;

  @Column({ name: 'battletag', type: 'varchar', length: 32, nullable: true })
  battletag!: string | null;

  @Column({ name: 'alt_player_name_1', type: 'varchar', length: 12, nullable: true })
  altPlayerName1!: string | null;

  @Column({ name: 'alt_player_name_2', type: 'varchar', length: 12, nullable: true })
  altPlayerName2!: string | null;

  @Column({ name: 'country', type: 'varchar', length: 2, nullable: true })
  country!: string | null;

  @Column({ name: 'region', type: 'varchar', length: 3, nullable: true })
  region!: string | null;

  @Column({ name: 'terms_accepted', type: 'boolean', default: false })
  termsAccepted!: boolean;

  @Column({ name: 'terms_version', type: 'varchar', length: 32, nullable: true })
  termsVersion!: string | null;

  @Column({ name: 'terms_accepted_at', type: Date, nullable: true })
  termsAcceptedAt!: Date | null;

  /** The first completion; later edits keep it. */
  @Column({ name: 'setup_completed_at', type: Date, nullable: true })
  setupCompletedAt!: Date | null;

  @Column({ name: 'banned', type: 'boolean', default: false })
  banned!: boolean;

  /** The abort quota is per calendar month (UTC): a month other than the current one means none used. */
  @Column({ name: 'aborts_month', type: 'varchar', length: 7, nullable: true })
  abortsMonth!: string | null;

  @Column({ name: 'aborts_used', type: 'integer', default: 0 })
  abortsUsed!: number;

  /** The settings revision (terms, setup, country): bumped by those writes only; buttons act on it. */
  @Column({ name: 'rev', type: 'integer', default: 0 })
  rev!: number;

  /** `idle`, `queued` or `in_match`: changed by compare-and-set, with the queue entry or the match, in one statement. */
  @Column({ name: 'activity', type: 'varchar', length: 16, default: 'idle' })
  activity!: string;

  @Column({ name: 'activity_at', type: Date, nullable: true })
  activityAt!: Date | null;

  @Column({ name: 'current_match_id', type: 'integer', nullable: true })
  currentMatchId!: number | null;

  /** Bumped by every write of the row (settings, queue, matches), so memory keeps the newer of two answers. */
  @Column({ name: 'version', type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
