import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each player's report revision (a report button acts on it) and report time, and the reminder due
 * halfway between a lone report and the report deadline, with when it fired.
 */
export class MatchReports1764806400000 implements MigrationInterface {
  name = 'MatchReports1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.driver.normalizeType({ type: Date });
    // Plain DDL, the same on both databases: the Table API would first read the whole table's schema.
    await queryRunner.query('ALTER TABLE matches_1v1 ADD COLUMN player_1_report_rev integer NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE matches_1v1 ADD COLUMN player_2_report_rev integer NOT NULL DEFAULT 0');
    await queryRunner.query(`ALTER TABLE matches_1v1 ADD COLUMN player_1_reported_at ${timestamp}`);
    await queryRunner.query(`ALTER TABLE matches_1v1 ADD COLUMN player_2_reported_at ${timestamp}`);
    await queryRunner.query(`ALTER TABLE matches_1v1 ADD COLUMN report_reminder_at ${timestamp}`);
    await queryRunner.query(`ALTER TABLE matches_1v1 ADD COLUMN report_reminded_at ${timestamp}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['report_reminded_at', 'report_reminder_at', 'player_2_reported_at', 'player_1_reported_at', 'player_2_report_rev', 'player_1_report_rev']) {
      await queryRunner.dropColumn('matches_1v1', column);
    }
  }
}
