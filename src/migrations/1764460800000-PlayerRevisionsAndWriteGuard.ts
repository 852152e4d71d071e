import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `players.rev`, the settings revision a button acts on (LADDER.md, Revisions), and on PostgreSQL two
 * functions for guarded writes (SQLite's writes are transactions and check in code instead):
 * `ladder_fail` fails a whole statement with the project's own SQLSTATE when a guarded part changed
 * nothing; `ladder_key_used` looks an idempotency key up with a snapshot of its own, so a statement
 * that waited on a row lock sees the key its twin committed meanwhile (a repeat, not a stale click).
 */
export class PlayerRevisionsAndWriteGuard1764460800000 implements MigrationInterface {
  name = 'PlayerRevisionsAndWriteGuard1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain DDL, the same on both databases: the Table API would first read the whole table's schema.
    await queryRunner.query('ALTER TABLE players ADD COLUMN rev integer NOT NULL DEFAULT 0');
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query(`CREATE FUNCTION ladder_fail(code text, message text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message;
      END
    $$`);
    await queryRunner.query(`CREATE FUNCTION ladder_key_used(tbl text, key text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      DECLARE used boolean;
      BEGIN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE idempotency_key = $1)', tbl) INTO used USING key;
        RETURN used;
      END
    $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query('DROP FUNCTION ladder_key_used(text, text)');
      await queryRunner.query('DROP FUNCTION ladder_fail(text, text)');
    }
    await queryRunner.dropColumn('players', 'rev');
  }
}
