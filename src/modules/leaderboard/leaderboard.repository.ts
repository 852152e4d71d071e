import { Injectable } from '@nestjs/common';
import { sql } from '../../database/sql-fragment';
import { Sql } from '../../database/sql';
import { ratingFromRow, RatingRow } from '../players/rating-row';

@Injectable()
export class LeaderboardRepository {
  constructor(private readonly sql: Sql) {}

  /** Every rating with games played since `since` (boot): the ones that can be ranked. */
  async playedSince(since: Date): Promise<RatingRow[]> {
    const rows = await this.sql.queryUnbounded(sql`SELECT * FROM mmrs_1v1 WHERE games_played > 0 AND last_played_at >= ${since}`);
    return rows.map(ratingFromRow);
  }
}
