import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Player } from '../players/player.entity';

/** Player 1 is the Brood War side, player 2 the StarCraft II side. */
@Entity('matches_1v1')
@Unique('uq_matches_1v1_idempotency_key', ['idempotencyKey'])
@Index('idx_matches_1v1_player_1_created', ['player1Id', 'createdAt'])
@Index('idx_matches_1v1_player_2_created', ['player2Id', 'createdAt'])
@Index('idx_matches_1v1_status', ['status'])
export class Match {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'player_1_id', type: 'integer' })
  player1Id!: number;

  @ManyToOne(() => Player)
  @JoinColumn({ name: 'player_1_id', foreignKeyConstraintName: 'fk_matches_1v1_player_1' })
  player1?: Player;

  @Column({ name: 'player_2_id', type: 'integer' })
  player2Id!: number;

  @ManyToOne(() => Player)
  @JoinColumn({ name: 'player_2_id', foreignKeyConstraintName: 'fk_matches_1v1_player_2' })
  player2?: Player;

  @Column({ name: 'player_1_race', type: 'varchar', length: 16 })
  player1Race!: string;

  @Column({ name: 'player_2_race', type: 'varchar', length: 16 })
  player2Race!: string;

  @Column({ name: 'player_1_mmr', type: 'integer' })
  player1Mmr!: number;

  @Column({ name: 'player_2_mmr', type: 'integer' })
  player2Mmr!: number;

  @Column({ name: 'map_code', type: 'varchar', length: 64 })
  mapCode!: string;

  @Column({ name: 'server_code', type: 'varchar', length: 8 })
  serverCode!: string;

  @Column({ name: 'status', type: 'varchar', length: 32 })
  status!: string;

  @Column({ name: 'player_1_confirmed_at', type: Date, nullable: true })
  player1ConfirmedAt!: Date | null;

  @Column({ name: 'player_2_confirmed_at', type: Date, nullable: true })
  player2ConfirmedAt!: Date | null;

  @Column({ name: 'player_1_report', type: 'varchar', length: 8, nullable: true })
  player1Report!: string | null;

  @Column({ name: 'player_2_report', type: 'varchar', length: 8, nullable: true })
  player2Report!: string | null;

  /** Bumped by each report of that player: a report button acts on it, so the opponent's report never makes it stale. */
  @Column({ name: 'player_1_report_rev', type: 'integer', default: 0 })
  player1ReportRev!: number;

  @Column({ name: 'player_2_report_rev', type: 'integer', default: 0 })
  player2ReportRev!: number;

  @Column({ name: 'player_1_reported_at', type: Date, nullable: true })
  player1ReportedAt!: Date | null;

  @Column({ name: 'player_2_reported_at', type: Date, nullable: true })
  player2ReportedAt!: Date | null;

  /** Halfway between a lone report and the report deadline: the other player is reminded again. */
  @Column({ name: 'report_reminder_at', type: Date, nullable: true })
  reportReminderAt!: Date | null;

  @Column({ name: 'report_reminded_at', type: Date, nullable: true })
  reportRemindedAt!: Date | null;

  @Column({ name: 'result', type: 'varchar', length: 16, nullable: true })
  result!: string | null;

  /** What has been applied so far, so an admin re-resolution applies only the difference. */
  @Column({ name: 'player_1_mmr_change', type: 'integer', default: 0 })
  player1MmrChange!: number;

  @Column({ name: 'player_2_mmr_change', type: 'integer', default: 0 })
  player2MmrChange!: number;

  @Column({ name: 'aborted_by_player_id', type: 'integer', nullable: true })
  abortedByPlayerId!: number | null;

  @Column({ name: 'confirm_deadline', type: Date })
  confirmDeadline!: Date;

  /** When the reminder to confirm is due (a third of the confirm window), and when it fired. */
  @Column({ name: 'reminder_at', type: Date, nullable: true })
  reminderAt!: Date | null;

  @Column({ name: 'reminded_at', type: Date, nullable: true })
  remindedAt!: Date | null;

  /** Each player's match DM, edited as the match moves on. */
  @Column({ name: 'player_1_dm_message_id', type: 'varchar', length: 20, nullable: true })
  player1DmMessageId!: string | null;

  @Column({ name: 'player_2_dm_message_id', type: 'varchar', length: 20, nullable: true })
  player2DmMessageId!: string | null;

  @Column({ name: 'report_deadline', type: Date, nullable: true })
  reportDeadline!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @Column({ name: 'completed_at', type: Date, nullable: true })
  completedAt!: Date | null;

  /** The admin whose resolution decided the match, if one did. */
  @Column({ name: 'resolved_by', type: 'varchar', length: 20, nullable: true })
  resolvedBy!: string | null;
}
