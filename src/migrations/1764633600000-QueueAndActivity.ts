import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';

/**
 * What a player is doing (`activity`: idle, queued or in_match, since `activity_at`, in
 * `current_match_id`), the row `version` every write of a player bumps (memory keeps the newer row),
 * and the queue itself: one entry per player with the races, their ratings at joining, and the vetoes.
 */
export class QueueAndActivity1764633600000 implements MigrationInterface {
  name = 'QueueAndActivity1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.driver.normalizeType({ type: Date });
    // Plain DDL, the same on both databases: the Table API would first read the whole table's schema.
    await queryRunner.query("ALTER TABLE players ADD COLUMN activity varchar(16) NOT NULL DEFAULT 'idle'");
    await queryRunner.query(`ALTER TABLE players ADD COLUMN activity_at ${timestamp}`);
    await queryRunner.query('ALTER TABLE players ADD COLUMN current_match_id integer');
    await queryRunner.query('ALTER TABLE players ADD COLUMN version integer NOT NULL DEFAULT 0');
    await queryRunner.createTable(
      new Table({
        name: 'queue_entries_1v1',
        columns: [
          { name: 'player_id', type: 'integer', isPrimary: true },
          { name: 'bw_race', type: 'varchar', length: '16', isNullable: true },
          { name: 'bw_mmr', type: 'integer', isNullable: true },
          { name: 'sc2_race', type: 'varchar', length: '16', isNullable: true },
          { name: 'sc2_mmr', type: 'integer', isNullable: true },
          { name: 'vetoes', type: 'text' },
          { name: 'joined_at', type: timestamp },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_queue_entries_1v1_player',
            columnNames: ['player_id'],
            referencedTableName: 'players',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('queue_entries_1v1');
    for (const column of ['version', 'current_match_id', 'activity_at', 'activity']) await queryRunner.dropColumn('players', column);
  }
}
