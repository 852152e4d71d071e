import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin action's old and new values, beside its target and reason, for the audit trail; and on a
 * match, the admin whose resolution decided it.
 */
export class AdminActionValues1764892800000 implements MigrationInterface {
  name = 'AdminActionValues1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain DDL, the same on both databases: the Table API would first read the whole table's schema.
    await queryRunner.query('ALTER TABLE admin_actions ADD COLUMN old_value text');
    await queryRunner.query('ALTER TABLE admin_actions ADD COLUMN new_value text');
    await queryRunner.query('ALTER TABLE matches_1v1 ADD COLUMN resolved_by varchar(20)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('matches_1v1', 'resolved_by');
    for (const column of ['new_value', 'old_value']) await queryRunner.dropColumn('admin_actions', column);
  }
}
