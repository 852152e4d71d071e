import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { StaticDataSnapshot } from './static-data-snapshot.entity';

/** The database copy of each static file, used when the file itself is missing or invalid. */
@Injectable()
export class StaticDataRepository {
  constructor(
    @InjectRepository(StaticDataSnapshot) private readonly snapshots: Repository<StaticDataSnapshot>,
    private readonly clock: Clock,
  ) {}

  async find(names: readonly string[]): Promise<Map<string, StaticDataSnapshot>> {
    if (names.length === 0) return new Map();
    const rows = await this.snapshots.findBy({ name: In([...names]) });
    return new Map(rows.map((row) => [row.name, row]));
  }

  /** Stores the files whose content changed since the last snapshot; returns how many were written. */
  async saveChanged(files: ReadonlyMap<string, string>): Promise<number> {
    const stored = await this.find([...files.keys()]);
    const changed = [...files]
      .map(([name, content]) => ({ name, content, checksum: checksum(content), updatedAt: this.clock.now() }))
      .filter((row) => stored.get(row.name)?.checksum !== row.checksum);
    if (changed.length > 0) await this.snapshots.upsert(changed, ['name']);
    return changed.length;
  }
}

function checksum(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}
