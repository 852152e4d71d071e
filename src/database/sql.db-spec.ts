import { Test, TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testDriver } from '../../test/support/test-database';
import { testConfig } from '../../test/support/test-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from './database.module';
import { GuardedWrite, KeyedRow, WriteStatus } from './guarded-write';
import { insertIdempotent } from './idempotent-insert';
import { QueryCounter } from './query-counter';
import { ChangeMatchedNothing, readBoolean, readTime, Sql } from './sql';
import { sql } from './sql-fragment';
import { WriteListeners } from './write-listeners';

let created = 0;

describe(`Sql: statements and guarded writes (${testDriver()})`, () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let db: Sql;
  let counter: QueryCounter;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.config);
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database)] }).compile();
    await moduleRef.init();
    db = moduleRef.get(Sql);
    counter = moduleRef.get(QueryCounter);
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  /** Each test's own player, so no test depends on another having run. */
  let id = '';
  const logRow = (key: string, discordId = id): KeyedRow => ({
    idempotency_key: key,
    discord_id: discordId,
    action: 'country_changed',
    changed_by: 'player',
    created_at: new Date('2026-11-28T12:00:00.000Z'),
  });
  const logKeys = async (prefix: string) =>
    (await db.query<{ idempotency_key: string }>(sql`SELECT idempotency_key FROM player_action_logs WHERE idempotency_key LIKE ${`${prefix}%`} ORDER BY idempotency_key`)).map(
      (row) => row.idempotency_key,
    );
  const player = async (discordId = id) => (await db.query<{ country: string | null; rev: number }>(sql`SELECT country, rev FROM players WHERE discord_id = ${discordId}`))[0];

  /** Sets the country of `discordId` when their revision is `rev`, keyed by `key`. */
  const setCountry = (key: string, country: string, rev: number, discordId = id): GuardedWrite => ({
    current: sql`SELECT * FROM players WHERE discord_id = ${discordId}`,
    precondition: sql`(SELECT rev FROM current) = ${rev}`,
    keyed: { table: 'player_action_logs', rows: [logRow(key, discordId)] },
    changes: [{ update: 'players', set: sql`country = ${country}, rev = rev + 1`, where: sql`discord_id = ${discordId}` }],
  });

  /** A player of their own with country KR at revision 1; keys are prefixed with their id. */
  beforeEach(async () => {
    created += 1;
    id = String(323456789012345678n + BigInt(created));
    await db.query(sql`INSERT INTO players (discord_id, discord_username, country, rev, created_at, updated_at) VALUES (${id}, ${'yan'}, ${'KR'}, ${1}, ${new Date()}, ${new Date()})`);
  });
  const key = (name: string) => `${id}:${name}`;

  describe('queries', () => {
    it('takes nested fragments on both databases, repeated values and all', async () => {
      const inner = sql`${'two'} AS b`;
      expect(await db.query(sql`SELECT ${'one'} AS a, ${inner}, ${'one'} AS c`)).toEqual([{ a: 'one', b: 'two', c: 'one' }]);
    });

    it('writes and reads times and booleans as each database keeps them', async () => {
      const at = new Date('2026-02-03T04:05:06.789Z');
      await db.query(sql`INSERT INTO players (discord_id, discord_username, banned, created_at, updated_at) VALUES (${'223456789012345678'}, ${'zed'}, ${true}, ${at}, ${at})`);
      const [row] = await db.query<{ banned: unknown; created_at: unknown }>(sql`SELECT banned, created_at FROM players WHERE discord_id = ${'223456789012345678'}`);
      expect(readBoolean(row.banned)).toBe(true);
      expect(readTime(row.created_at)?.toISOString()).toBe(at.toISOString());
      const typeorm = await moduleRef.get(DataSource).getRepository('Player').findOneByOrFail({ discordId: '223456789012345678' });
      expect((typeorm.createdAt as Date).toISOString()).toBe(at.toISOString());
    });

    it('inserts a keyed row once, saying whether it was new, one statement each', async () => {
      const before = counter.total;
      expect(await insertIdempotent(db, 'player_action_logs', logRow('insert:1'))).toEqual({ created: true });
      expect(await insertIdempotent(db, 'player_action_logs', logRow('insert:1'))).toEqual({ created: false });
      expect(await insertIdempotent(db, 'player_action_logs', logRow('insert:2'))).toEqual({ created: true });
      expect(counter.total - before).toBe(3);
      expect(await logKeys('insert:')).toEqual(['insert:1', 'insert:2']);
    });
  });

  describe('write', () => {
    const heard: WriteStatus[] = [];
    beforeAll(() => moduleRef.get(WriteListeners).subscribe((status) => heard.push(status)));

    it('applies the change with its keyed rows, in one statement on PostgreSQL, and returns the row as written', async () => {
      const before = counter.total;
      const outcome = await db.write(setCountry(key('write'), 'SE', 1));
      expect(outcome.status).toBe('applied');
      expect(outcome.status === 'applied' && outcome.rows.map((row) => ({ country: row.country, rev: Number(row.rev) }))).toEqual([{ country: 'SE', rev: 2 }]);
      expect(outcome.current.map((row) => Number(row.rev))).toEqual([1]);
      expect(counter.total - before).toBe(testDriver() === 'postgres' ? 1 : 5);
      expect(await player()).toEqual({ country: 'SE', rev: 2 });
      expect(await logKeys(key('write'))).toEqual([key('write')]);
      expect(heard.at(-1)).toBe('applied');
    });

    it('changes nothing on a repeat of the key, even with a precondition that holds, and returns the row as it stands', async () => {
      expect((await db.write(setCountry(key('first'), 'JP', 1))).status).toBe('applied');
      const outcome = await db.write(setCountry(key('first'), 'NO', 2));
      expect(outcome.status).toBe('repeat');
      expect(outcome.current.map((row) => [row.country, Number(row.rev)])).toEqual([['JP', 2]]);
      expect(await player()).toEqual({ country: 'JP', rev: 2 });
      expect(await logKeys(key('first'))).toEqual([key('first')]);
      expect(heard.at(-1)).toBe('repeat');
    });

    it('changes nothing when the precondition no longer holds, and returns the current row in the same statement', async () => {
      const before = counter.total;
      const outcome = await db.write(setCountry(key('stale'), 'JP', 0));
      expect(outcome.status).toBe('stale');
      expect(outcome.current.map((row) => [row.country, Number(row.rev)])).toEqual([['KR', 1]]);
      expect(counter.total - before).toBe(testDriver() === 'postgres' ? 1 : 3);
      expect(await logKeys(key('stale'))).toEqual([]);
      expect(heard.at(-1)).toBe('stale');
    });

    it('fails whole, keyed rows included, when a part matched no row (a missing row with a precondition on it is stale)', async () => {
      expect(await db.write(setCountry(key('nobody'), 'FR', 0, '999999999999999999'))).toEqual({ status: 'stale', current: [] });
      const nobody: GuardedWrite = { ...setCountry(key('nobody'), 'FR', 1), changes: [{ update: 'players', set: sql`country = ${'FR'}`, where: sql`discord_id = ${'999999999999999999'}` }] };
      await expect(db.write(nobody)).rejects.toThrow(/UPDATE players changed no row/);
      expect(await logKeys(key('nobody'))).toEqual([]);
      expect(await player()).toEqual({ country: 'KR', rev: 1 });
    });

    it('applies nothing of a write whose second part changes nothing, the first included', async () => {
      const halfway: GuardedWrite = {
        ...setCountry(key('halfway'), 'SE', 1),
        changes: [...setCountry(key('halfway'), 'SE', 1).changes, { delete: 'mmrs_1v1', where: sql`player_id = ${-1}` }],
      };
      await expect(db.write(halfway)).rejects.toThrow(/DELETE FROM mmrs_1v1 changed no row/);
      expect(await player()).toEqual({ country: 'KR', rev: 1 });
      expect(await logKeys(key('halfway'))).toEqual([]);
    });

    it('applies a part meant for two rows only when it changes both', async () => {
      const other = String(BigInt(id) + 200_000n);
      await db.query(sql`INSERT INTO players (discord_id, discord_username, rev, created_at, updated_at) VALUES (${other}, ${'zoe'}, ${1}, ${new Date()}, ${new Date()})`);
      const both = (key: string, country: string, where: ReturnType<typeof sql>): GuardedWrite => ({
        current: sql`SELECT * FROM players WHERE discord_id IN (${id}, ${other})`,
        keyed: { table: 'player_action_logs', rows: [logRow(key)] },
        changes: [{ update: 'players', set: sql`country = ${country}`, where, rows: 2 }],
      });
      await expect(db.write(both(key('pair:1'), 'AR', sql`discord_id IN (${id}, ${other}) AND rev = ${1} AND country IS NOT NULL`))).rejects.toThrow(
        /UPDATE players did not change exactly 2 rows/,
      );
      expect(await player()).toEqual({ country: 'KR', rev: 1 });
      expect(await logKeys(key('pair:1'))).toEqual([]);
      expect((await db.write(both(key('pair:2'), 'AR', sql`discord_id IN (${id}, ${other})`))).status).toBe('applied');
      expect([await player(), await player(other)]).toEqual([{ country: 'AR', rev: 1 }, { country: 'AR', rev: 1 }]);
    });

    it('lets a genuine SQL error surface as itself, writing nothing', async () => {
      const broken: GuardedWrite = { ...setCountry(key('broken'), 'SE', 1), changes: [{ update: 'players', set: sql`discord_username = ${null}`, where: sql`discord_id = ${id}` }] };
      const error = await db.write(broken).then(() => undefined, (thrown: unknown) => thrown);
      expect(error).not.toBeInstanceOf(ChangeMatchedNothing);
      expect(String(error)).toMatch(/null/i);
      if (testDriver() === 'postgres') {
        const dividing: GuardedWrite = { ...setCountry(key('broken'), 'SE', 1), changes: [{ update: 'players', set: sql`rev = rev / (rev - 1)`, where: sql`discord_id = ${id}` }] };
        const division = await db.write(dividing).then(() => undefined, (thrown: { driverError?: { code?: string } }) => thrown);
        expect(division).not.toBeInstanceOf(ChangeMatchedNothing);
        expect(division?.driverError?.code).toBe('22012');
      }
      expect(await logKeys(key('broken'))).toEqual([]);
      expect(await player()).toEqual({ country: 'KR', rev: 1 });
    });

    it('applies one of many concurrent writes of one intent; the others, however late they see it, are repeats', async () => {
      // Round after round, so that on PostgreSQL some losers wait on the winner's row lock and see its commit only then.
      for (let round = 1; round <= 15; round += 1) {
        const outcomes = await Promise.all(Array.from({ length: 3 }, () => db.write(setCountry(key(`storm:${round}`), round % 2 ? 'NO' : 'SE', round))));
        expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['applied', 'repeat', 'repeat']);
        expect(await logKeys(key(`storm:${round}:`))).toEqual([]);
        expect(await logKeys(key(`storm:${round}`))).toEqual([key(`storm:${round}`)]);
      }
      expect(await player()).toEqual({ country: 'NO', rev: 16 });
    });

    it('applies exactly one of concurrent writes of different intents on the same revision', async () => {
      const outcomes = await Promise.all(['DK', 'FI', 'IS', 'EE'].map((country, index) => db.write(setCountry(key(`rival:${index}`), country, 1))));
      expect(outcomes.filter((outcome) => outcome.status === 'applied')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.status === 'stale')).toHaveLength(3);
      expect(await logKeys(key('rival'))).toHaveLength(1);
      expect((await player()).rev).toBe(2);
    });

    it('tries once more when PostgreSQL rolled it back to break a deadlock', async () => {
      if (database.config.driver !== 'postgres') {
        expect((await db.write(setCountry(key('deadlock'), 'PT', 1))).status).toBe('applied');
        return;
      }
      const other = String(BigInt(id) + 300_000n);
      await db.query(sql`INSERT INTO players (discord_id, discord_username, rev, created_at, updated_at) VALUES (${other}, ${'zed'}, ${1}, ${new Date()}, ${new Date()})`);
      const holder = new Client({ connectionString: database.config.url });
      await holder.connect();
      const waitingForHolder = async () =>
        Number((await holder.query('SELECT count(*) AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))')).rows[0].n);
      try {
        // Only the write's backend looks for the cycle in time, so the write is the one rolled back.
        await holder.query("SET deadlock_timeout = '60s'");
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM players WHERE discord_id = $1 FOR UPDATE', [other]);
        // The write locks its own player, then waits for the holder's; the holder then waits for the write's: a cycle.
        const both = setCountry(key('deadlock'), 'PT', 1);
        const writing = db.write({
          ...both,
          current: sql`SELECT * FROM players WHERE discord_id IN (${id}, ${other}) ORDER BY id`,
          precondition: sql`(SELECT count(*) FROM current WHERE rev = ${1}) = ${2}`,
        });
        for (let poll = 0; poll < 300 && (await waitingForHolder()) < 1; poll += 1) await new Promise((resolve) => setTimeout(resolve, 10));
        await holder.query('SELECT 1 FROM players WHERE discord_id = $1 FOR UPDATE', [id]);
        await holder.query('COMMIT');
        expect((await writing).status).toBe('applied');
      } finally {
        await holder.end();
      }
      expect(await player()).toEqual({ country: 'PT', rev: 2 });
      expect(await logKeys(key('deadlock'))).toEqual([key('deadlock')]);
    });

    it('creates a row through an upsert guarded like any other part', async () => {
      const fresh = String(BigInt(id) + 100_000n);
      const create: GuardedWrite = {
        current: sql`SELECT * FROM players WHERE discord_id = ${fresh}`,
        precondition: sql`COALESCE((SELECT rev FROM current), 0) = ${0}`,
        keyed: { table: 'player_action_logs', rows: [logRow(key('create'), fresh), logRow(key('create:extra'), fresh)] },
        changes: [{ insert: 'players', row: { discord_id: fresh, discord_username: 'new', rev: 1, created_at: new Date(), updated_at: new Date() }, onConflict: sql`(discord_id) DO NOTHING` }],
      };
      const outcome = await db.write(create);
      expect(outcome.status).toBe('applied');
      expect(outcome.current).toEqual([]);
      expect(await player(fresh)).toEqual({ country: null, rev: 1 });
      expect(await logKeys(key('create'))).toEqual([key('create'), key('create:extra')]);
      expect((await db.write(create)).status).toBe('repeat');
    });
  });
});
