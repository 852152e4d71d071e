import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('player_action_logs')
@Unique('uq_player_action_logs_idempotency_key', ['idempotencyKey'])
@Index('idx_player_action_logs_discord_id_created', ['discordId', 'createdAt'])
export class PlayerActionLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'discord_id', type: 'varchar', length: 20 })
  discordId!: string;

  @Column({ name: 'action', type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'setting_name', type: 'varchar', length: 64, nullable: true })
  settingName!: string | null;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue!: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue!: string | null;

  /** `player`, `system` or `admin:<discord id>`. */
  @Column({ name: 'changed_by', type: 'varchar', length: 40 })
  changedBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
