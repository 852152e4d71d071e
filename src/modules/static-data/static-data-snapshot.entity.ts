import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last cleanly loaded copy of each data/static file: the fallback when a file is missing or invalid. */
@Entity('static_data_snapshots')
export class StaticDataSnapshot {
  @PrimaryColumn({ name: 'name', type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'content', type: 'text' })
  content!: string;

  @Column({ name: 'checksum', type: 'varchar', length: 64 })
  checksum!: string;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
