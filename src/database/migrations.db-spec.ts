import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testDriver } from '../../test/support/test-database';
import { MIGRATIONS } from '../migrations';
import { testConfig } from '../../test/support/test-config';
import { buildDataSourceOptions } from './data-source-options';

const TABLES = ['players', 'mmrs_1v1', 'preferences_1v1', 'queue_entries_1v1', 'matches_1v1', 'player_action_logs', 'admin_actions', 'static_data_snapshots'];

describe(`migrations (${testDriver()})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(testConfig(database.config).database)).initialize();
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function tableNames(): Promise<string[]> {
    const runner = dataSource.createQueryRunner();
    try {
      const tables = await runner.getTables(TABLES);
      return tables.map((table) => table.name.replace(/^public\./, '')).sort();
    } finally {
      await runner.release();
    }
  }

  it('creates every table, and the schema matches the entities exactly', async () => {
    await dataSource.runMigrations();
    expect(await tableNames()).toEqual([...TABLES].sort());
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('reverts every migration down to an empty schema, and applies them again', async () => {
    await dataSource.runMigrations();
    for (let step = 0; step < MIGRATIONS.length; step += 1) await dataSource.undoLastMigration();
    expect(await tableNames()).toEqual([]);
    await dataSource.runMigrations();
    expect(await tableNames()).toEqual([...TABLES].sort());
  });

  async function insertPlayer(discordId: string): Promise<number> {
    const rows = await dataSource.query(
      sql('INSERT INTO players (discord_id, discord_username, created_at, updated_at) VALUES ($1, $2, $3, $4) RETURNING id'),
      [discordId, 'alice', stamp(), stamp()],
    );
    return rows[0].id;
  }

  it.each(['matches_1v1', 'player_action_logs', 'admin_actions'])('refuses a second %s row with the same idempotency key', async (table) => {
    await dataSource.runMigrations();
    const insert = rowFor(table, await insertPlayer('123456789012345678'));
    await dataSource.query(insert.sql, insert.params);
    await expect(dataSource.query(insert.sql, insert.params)).rejects.toThrow(/unique/i);
  });

  it('refuses a second player with the same Discord id, and a second rating for the same race', async () => {
    await dataSource.runMigrations();
    const playerId = await insertPlayer('123456789012345678');
    await expect(insertPlayer('123456789012345678')).rejects.toThrow(/unique/i);
    const rating = sql('INSERT INTO mmrs_1v1 (player_id, race, mmr, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)');
    await dataSource.query(rating, [playerId, 'bw_zerg', 1500, stamp(), stamp()]);
    await expect(dataSource.query(rating, [playerId, 'bw_zerg', 1600, stamp(), stamp()])).rejects.toThrow(/unique/i);
  });

  it('stores Discord ids beyond 2^53 without losing digits', async () => {
    await dataSource.runMigrations();
    const id = '1234567890123456789';
    await insertPlayer(id);
    const rows = await dataSource.query('SELECT discord_id FROM players');
    expect(rows).toEqual([{ discord_id: id }]);
  });

  it('keeps timestamps in UTC whatever the process time zone', async () => {
    expect(new Date('2026-03-29T01:30:00.000Z').getTimezoneOffset()).not.toBe(0);
    await dataSource.runMigrations();
    const at = new Date('2026-03-29T01:30:00.000Z');
    await dataSource.getRepository('Player').insert({ discordId: '223456789012345678', discordUsername: 'carol', createdAt: at, updatedAt: at });
    const stored = await dataSource.query(
      testDriver() === 'sqlite' ? 'SELECT created_at AS text FROM players' : "SELECT to_char(created_at, 'YYYY-MM-DD HH24:MI:SS') AS text FROM players",
    );
    expect(stored[0].text).toMatch(/^2026-03-29 01:30:00/);
    const loaded = await dataSource.getRepository('Player').findOneByOrFail({ discordId: '223456789012345678' });
    expect((loaded.createdAt as Date).toISOString()).toBe(at.toISOString());
  });
});

/** PostgreSQL numbers its placeholders; better-sqlite3 takes `?` (raw SQL only here, before any repository exists). */
function sql(text: string): string {
  return testDriver() === 'sqlite' ? text.replace(/\$\d+/g, '?') : text;
}

/** better-sqlite3 binds no Date objects; both drivers accept an ISO string. */
function stamp(): string {
  return new Date().toISOString();
}

function rowFor(table: string, playerId: number): { sql: string; params: unknown[] } {
  const key = `${table}:test-key`;
  switch (table) {
    case 'matches_1v1':
      return {
        sql: sql(`INSERT INTO matches_1v1 (idempotency_key, player_1_id, player_2_id, player_1_race, player_2_race, player_1_mmr, player_2_mmr,
                  map_code, server_code, status, confirm_deadline, created_at, updated_at)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`),
        params: [key, playerId, playerId, 'bw_zerg', 'sc2_zerg', 1500, 1500, 'holy_world', 'KOR', 'awaiting_confirmation', stamp(), stamp(), stamp()],
      };
    case 'player_action_logs':
      return {
        sql: sql('INSERT INTO player_action_logs (idempotency_key, discord_id, action, changed_by, created_at) VALUES ($1, $2, $3, $4, $5)'),
        params: [key, '123456789012345678', 'terms_accepted', 'player', stamp()],
      };
    default:
      return {
        sql: sql('INSERT INTO admin_actions (idempotency_key, admin_discord_id, action, reason, created_at) VALUES ($1, $2, $3, $4, $5)'),
        params: [key, '123456789012345678', 'ban', 'testing', stamp()],
      };
  }
}
