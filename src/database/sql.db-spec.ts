import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testDriver } from '../../test/support/test-database';
import { DatabaseModule } from './database.module';
import { insertIdempotent } from './idempotent-insert';
import { QueryCounter } from './query-counter';
import { ChangeMatchedNothing, readBoolean, readTime, Sql } from './sql';
import { runInInteraction } from '../common/context/current-interaction';
import { InteractionContext } from '../common/context/interaction-context';
import { ConfigModule } from '../config/config.module';
import { testConfig } from '../../test/support/test-config';

describe(`Sql and the idempotent insert (${testDriver()})`, () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let sql: Sql;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.config);
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database)] }).compile();
    await moduleRef.init();
    sql = moduleRef.get(Sql);
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  const logRow = (key: string) => ({
    idempotency_key: key,
    discord_id: '123456789012345678',
    action: 'terms_accepted',
    changed_by: 'player',
    created_at: new Date('2026-11-28T12:00:00.000Z'),
  });

  it('says a first row is new and a repeat is not, inserting it once, in one statement each', async () => {
    const counter = moduleRef.get(QueryCounter);
    const before = counter.total;
    expect(await insertIdempotent(sql, 'player_action_logs', logRow('terms/accept:m1:u1'))).toEqual({ created: true });
    expect(await insertIdempotent(sql, 'player_action_logs', logRow('terms/accept:m1:u1'))).toEqual({ created: false });
    expect(await insertIdempotent(sql, 'player_action_logs', logRow('terms/accept:m2:u1'))).toEqual({ created: true });
    expect(counter.total - before).toBe(3);
    const rows = await sql.query<{ idempotency_key: string }>({ text: 'SELECT idempotency_key FROM player_action_logs ORDER BY idempotency_key' });
    expect(rows.map((row) => row.idempotency_key)).toEqual(['terms/accept:m1:u1', 'terms/accept:m2:u1']);
  });

  it('agrees with itself under concurrency: exactly one of many racing inserts is new', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => insertIdempotent(sql, 'player_action_logs', logRow('race:m3:u1'))));
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  it('takes $n placeholders on both databases, repeated and out of order', async () => {
    const rows = await sql.query<{ a: string; b: string; c: string }>({ text: 'SELECT $2 AS a, $1 AS b, $2 AS c', params: ['one', 'two'] });
    expect(rows).toEqual([{ a: 'two', b: 'one', c: 'two' }]);
  });

  it('writes and reads times and booleans as each database keeps them', async () => {
    const at = new Date('2026-02-03T04:05:06.789Z');
    await sql.query({
      text: 'INSERT INTO players (discord_id, discord_username, banned, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
      params: ['223456789012345678', 'zed', true, at],
    });
    const [row] = await sql.query<{ banned: unknown; created_at: unknown }>({ text: 'SELECT banned, created_at FROM players' });
    expect(readBoolean(row.banned)).toBe(true);
    expect(readTime(row.created_at)?.toISOString()).toBe(at.toISOString());
    const typeorm = await moduleRef.get(DataSource).getRepository('Player').findOneByOrFail({ discordId: '223456789012345678' });
    expect((typeorm.createdAt as Date).toISOString()).toBe(at.toISOString());
  });

  it('runs SQLite statements atomically, or refuses on PostgreSQL where one statement is the rule', async () => {
    if (sql.dialect === 'postgres') {
      expect(() => sql.atomic(() => undefined)).toThrow(/SQLite/);
      return;
    }
    const insert = { text: 'INSERT INTO player_action_logs (idempotency_key, discord_id, action, changed_by, created_at) VALUES ($1, $2, $3, $4, $5)', params: ['atomic:1', '1', 'x', 'player', new Date()] };
    expect(() => sql.atomic((run) => [run(insert), run(insert)])).toThrow(/UNIQUE/);
    const rows = await sql.query({ text: "SELECT 1 FROM player_action_logs WHERE idempotency_key = 'atomic:1'" });
    expect(rows).toHaveLength(0);
  });

  describe('writeOnce', () => {
    const log = (key: string, first: number) => ({
      text: `INSERT INTO player_action_logs (idempotency_key, discord_id, action, changed_by, created_at) VALUES ($${first}, $${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}) ON CONFLICT (idempotency_key) DO NOTHING`,
      params: [key, '323456789012345678', 'country_changed', 'player', new Date()],
    });
    const change = (country: string) => ({
      text: 'UPDATE players SET country = $2 WHERE discord_id = $1 AND {{first}} RETURNING discord_id, country',
      params: ['323456789012345678', country],
    });

    beforeAll(async () => {
      await sql.query({ text: 'INSERT INTO players (discord_id, discord_username, created_at, updated_at) VALUES ($1, $2, $3, $3)', params: ['323456789012345678', 'yan', new Date()] });
    });

    it('applies the change with its log row, in one statement on PostgreSQL', async () => {
      const counter = moduleRef.get(QueryCounter);
      const before = counter.total;
      expect(await sql.writeOnce(change('KR'), log('country:1', 3))).toEqual([{ discord_id: '323456789012345678', country: 'KR' }]);
      expect(counter.total - before).toBe(sql.dialect === 'postgres' ? 1 : 2);
    });

    it('changes nothing on a repeat of the same key, and says so', async () => {
      expect(await sql.writeOnce(change('JP'), log('country:1', 3))).toBeUndefined();
      const [row] = await sql.query<{ country: string }>({ text: "SELECT country FROM players WHERE discord_id = '323456789012345678'" });
      expect(row.country).toBe('KR');
    });

    it('logs nothing when the change itself fails, however often it is tried', async () => {
      const failing = { text: 'UPDATE players SET country = $2 WHERE discord_id = $1 AND {{first}} AND no_such_column = 1 RETURNING *', params: ['323456789012345678', 'FR'] };
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const outcome = await sql.writeOnce(failing, log('country:2', 3)).then(
          (rows) => ({ rows }),
          (error: Error) => ({ error: error.message }),
        );
        expect(outcome).toEqual({ error: expect.stringMatching(/no_such_column/) });
      }
      expect(await sql.query({ text: "SELECT 1 FROM player_action_logs WHERE idempotency_key = 'country:2'" })).toHaveLength(0);
    });

    it('fails whole, log included, when the change matched no row', async () => {
      const nobody = { text: 'UPDATE players SET country = $2 WHERE discord_id = $1 AND {{first}} RETURNING discord_id', params: ['999999999999999999', 'FR'] };
      await expect(sql.writeOnce(nobody, log('country:3', 3))).rejects.toBeInstanceOf(ChangeMatchedNothing);
      expect(await sql.query({ text: "SELECT 1 FROM player_action_logs WHERE idempotency_key = 'country:3'" })).toHaveLength(0);
    });

    it('tells the interaction it runs in whether it committed or repeated', async () => {
      const context = () => new InteractionContext('i', 'setcountry/confirm/:code', 'component', 'u', 'k', () => undefined);
      const first = context();
      await runInInteraction(first, () => sql.writeOnce(change('SE'), log('country:4', 3)));
      expect({ committed: first.committed, duplicate: first.duplicate }).toEqual({ committed: true, duplicate: false });
      const repeat = context();
      await runInInteraction(repeat, () => sql.writeOnce(change('SE'), log('country:4', 3)));
      expect({ committed: repeat.committed, duplicate: repeat.duplicate }).toEqual({ committed: false, duplicate: true });
    });
  });
});
