import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Player } from './player.entity';

@Entity('mmrs_1v1')
@Unique('uq_mmrs_1v1_player_race', ['playerId', 'race'])
@Index('idx_mmrs_1v1_mmr', ['mmr'])
export class Rating {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'player_id', type: 'integer' })
  playerId!: number;

  @ManyToOne(() => Player, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_mmrs_1v1_player' })
  player?: Player;

  @Column({ name: 'race', type: 'varchar', length: 16 })
  race!: string;

  @Column({ name: 'mmr', type: 'integer' })
  mmr!: number;

  @Column({ name: 'games_played', type: 'integer', default: 0 })
  gamesPlayed!: number;

  @Column({ name: 'games_won', type: 'integer', default: 0 })
  gamesWon!: number;

  @Column({ name: 'games_lost', type: 'integer', default: 0 })
  gamesLost!: number;

  @Column({ name: 'games_drawn', type: 'integer', default: 0 })
  gamesDrawn!: number;

  @Column({ name: 'last_played_at', type: Date, nullable: true })
  lastPlayedAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
