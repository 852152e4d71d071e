import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `players.rev`, the settings revision a button acts on (LADDER.md, Revisions), and on PostgreSQL
 * `ladder_fail`, which fails a whole statement with the project's own SQLSTATE when a guarded part of
 * a write changed nothing (SQLite's writes are transactions and fail in code instead).
 */
export class PlayerRevisionsAndWriteGuard1764460800000 implements MigrationInterface {
  name = 'PlayerRevisionsAndWriteGuard1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('players', new TableColumn({ name: 'rev', type: 'integer', default: 0 }));
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query(`CREATE FUNCTION ladder_fail(code text, message text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message;
      END
    $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') await queryRunner.query('DROP FUNCTION ladder_fail(text, text)');
    await queryRunner.dropColumn('players', 'rev');
  }
}
