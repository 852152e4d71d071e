import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Player } from '../players/player.entity';

/** A queued player: at most one race per game, each with the rating it had when they joined. */
@Entity('queue_entries_1v1')
export class QueueEntryRow {
  @PrimaryColumn({ name: 'player_id', type: 'integer' })
  playerId!: number;

  @OneToOne(() => Player, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_queue_entries_1v1_player' })
  player?: Player;

  @Column({ name: 'bw_race', type: 'varchar', length: 16, nullable: true })
  bwRace!: string | null;

  @Column({ name: 'bw_mmr', type: 'integer', nullable: true })
  bwMmr!: number | null;

  @Column({ name: 'sc2_race', type: 'varchar', length: 16, nullable: true })
  sc2Race!: string | null;

  @Column({ name: 'sc2_mmr', type: 'integer', nullable: true })
  sc2Mmr!: number | null;

  /** Map codes, as a JSON array. */
  @Column({ name: 'vetoes', type: 'text' })
  vetoes!: string;

  @Column({ name: 'joined_at', type: Date })
  joinedAt!: Date;
}
