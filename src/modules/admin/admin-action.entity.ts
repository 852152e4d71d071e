import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('admin_actions')
@Unique('uq_admin_actions_idempotency_key', ['idempotencyKey'])
@Index('idx_admin_actions_created', ['createdAt'])
export class AdminAction {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'admin_discord_id', type: 'varchar', length: 20 })
  adminDiscordId!: string;

  @Column({ name: 'action', type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_discord_id', type: 'varchar', length: 20, nullable: true })
  targetDiscordId!: string | null;

  @Column({ name: 'target_match_id', type: 'integer', nullable: true })
  targetMatchId!: number | null;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue!: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue!: string | null;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'details', type: 'simple-json', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
