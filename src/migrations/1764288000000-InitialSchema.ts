import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

/**
 * Written with the Table API so the same file produces each dialect's DDL (SQLite and PostgreSQL).
 * Timestamps use the driver's own type for a JavaScript Date (SQLite `datetime`, PostgreSQL `timestamp`),
 * always holding UTC; defaults are spelt the way each driver reads them back.
 */
export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const driver = queryRunner.connection.driver;
    const timestamp = driver.normalizeType({ type: Date });
    const no = driver.normalizeDefault({ default: false } as ColumnMetadata);
    const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const at = (name: string, isNullable = false): TableColumnOptions => ({ name, type: timestamp, isNullable });
    const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
    const count = (name: string): TableColumnOptions => ({ name, type: 'integer', default: 0 });
    const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: no });
    const idempotencyKey = text('idempotency_key', 200);

    await queryRunner.createTable(
      new Table({
        name: 'players',
        columns: [
          id,
          text('discord_id', 20),
          text('discord_username', 100),
          text('player_name', 12, true),
          text('battletag', 32, true),
          text('alt_player_name_1', 12, true),
          text('alt_player_name_2', 12, true),
          text('country', 2, true),
          text('region', 3, true),
          flag('terms_accepted'),
          text('terms_version', 32, true),
          at('terms_accepted_at', true),
          at('setup_completed_at', true),
          flag('banned'),
          text('aborts_month', 7, true),
          count('aborts_used'),
          at('created_at'),
          at('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_players_discord_id', columnNames: ['discord_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mmrs_1v1',
        columns: [
          id,
          { name: 'player_id', type: 'integer' },
          text('race', 16),
          { name: 'mmr', type: 'integer' },
          count('games_played'),
          count('games_won'),
          count('games_lost'),
          count('games_drawn'),
          at('last_played_at', true),
          at('created_at'),
          at('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_mmrs_1v1_player_race', columnNames: ['player_id', 'race'] })],
        indices: [new TableIndex({ name: 'idx_mmrs_1v1_mmr', columnNames: ['mmr'] })],
        foreignKeys: [playerKey('fk_mmrs_1v1_player', 'player_id', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'preferences_1v1',
        columns: [
          { name: 'player_id', type: 'integer', isPrimary: true },
          { name: 'last_chosen_races', type: 'text', isNullable: true },
          { name: 'last_chosen_vetoes', type: 'text', isNullable: true },
          at('updated_at'),
        ],
        foreignKeys: [playerKey('fk_preferences_1v1_player', 'player_id', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'matches_1v1',
        columns: [
          id,
          idempotencyKey,
          { name: 'player_1_id', type: 'integer' },
          { name: 'player_2_id', type: 'integer' },
          text('player_1_race', 16),
          text('player_2_race', 16),
          { name: 'player_1_mmr', type: 'integer' },
          { name: 'player_2_mmr', type: 'integer' },
          text('map_code', 64),
          text('server_code', 8),
          text('status', 32),
          at('player_1_confirmed_at', true),
          at('player_2_confirmed_at', true),
          text('player_1_report', 8, true),
          text('player_2_report', 8, true),
          text('result', 16, true),
          count('player_1_mmr_change'),
          count('player_2_mmr_change'),
          { name: 'aborted_by_player_id', type: 'integer', isNullable: true },
          at('confirm_deadline'),
          at('report_deadline', true),
          at('created_at'),
          at('updated_at'),
          at('completed_at', true),
        ],
        uniques: [new TableUnique({ name: 'uq_matches_1v1_idempotency_key', columnNames: ['idempotency_key'] })],
        indices: [
          new TableIndex({ name: 'idx_matches_1v1_player_1_created', columnNames: ['player_1_id', 'created_at'] }),
          new TableIndex({ name: 'idx_matches_1v1_player_2_created', columnNames: ['player_2_id', 'created_at'] }),
          new TableIndex({ name: 'idx_matches_1v1_status', columnNames: ['status'] }),
        ],
        foreignKeys: [
          playerKey('fk_matches_1v1_player_1', 'player_1_id', 'NO ACTION'),
          playerKey('fk_matches_1v1_player_2', 'player_2_id', 'NO ACTION'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'player_action_logs',
        columns: [
          id,
          idempotencyKey,
          text('discord_id', 20),
          text('action', 64),
          text('setting_name', 64, true),
          { name: 'old_value', type: 'text', isNullable: true },
          { name: 'new_value', type: 'text', isNullable: true },
          text('changed_by', 40),
          at('created_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_player_action_logs_idempotency_key', columnNames: ['idempotency_key'] })],
        indices: [new TableIndex({ name: 'idx_player_action_logs_discord_id_created', columnNames: ['discord_id', 'created_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'admin_actions',
        columns: [
          id,
          idempotencyKey,
          text('admin_discord_id', 20),
          text('action', 64),
          text('target_discord_id', 20, true),
          { name: 'target_match_id', type: 'integer', isNullable: true },
          { name: 'reason', type: 'text' },
          { name: 'details', type: 'text', isNullable: true },
          at('created_at'),
        ],
        uniques: [new TableUnique({ name: 'uq_admin_actions_idempotency_key', columnNames: ['idempotency_key'] })],
        indices: [new TableIndex({ name: 'idx_admin_actions_created', columnNames: ['created_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'static_data_snapshots',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'content', type: 'text' },
          text('checksum', 64),
          at('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['static_data_snapshots', 'admin_actions', 'player_action_logs', 'matches_1v1', 'preferences_1v1', 'mmrs_1v1', 'players']) {
      await queryRunner.dropTable(table);
    }
  }
}

function playerKey(name: string, column: string, onDelete: 'CASCADE' | 'NO ACTION'): TableForeignKey {
  return new TableForeignKey({ name, columnNames: [column], referencedTableName: 'players', referencedColumnNames: ['id'], onDelete });
}
