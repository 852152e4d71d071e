import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The confirmation step's own deadline (the reminder, due at a third of the confirm window, and when it
 * fired) and each player's match DM, which the match edits as it moves on.
 */
export class MatchConfirmation1764720000000 implements MigrationInterface {
  name = 'MatchConfirmation1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.driver.normalizeType({ type: Date });
    // Plain DDL, the same on both databases: the Table API would first read the whole table's schema.
    await queryRunner.query(`ALTER TABLE matches_1v1 ADD COLUMN reminder_at ${timestamp}`);
    await queryRunner.query(`ALTER TABLE matches_1v1 ADD COLUMN reminded_at ${timestamp}`);
    await queryRunner.query('ALTER TABLE matches_1v1 ADD COLUMN player_1_dm_message_id varchar(20)');
    await queryRunner.query('ALTER TABLE matches_1v1 ADD COLUMN player_2_dm_message_id varchar(20)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['player_2_dm_message_id', 'player_1_dm_message_id', 'reminded_at', 'reminder_at']) await queryRunner.dropColumn('matches_1v1', column);
  }
}
