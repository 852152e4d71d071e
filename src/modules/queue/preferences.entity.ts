import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Player } from '../players/player.entity';

@Entity('preferences_1v1')
export class Preferences {
  @PrimaryColumn({ name: 'player_id', type: 'integer' })
  playerId!: number;

  @OneToOne(() => Player, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_preferences_1v1_player' })
  player?: Player;

  @Column({ name: 'last_chosen_races', type: 'simple-json', nullable: true })
  lastChosenRaces!: string[] | null;

  @Column({ name: 'last_chosen_vetoes', type: 'simple-json', nullable: true })
  lastChosenVetoes!: string[] | null;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
