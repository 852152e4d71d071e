import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { MessageCreateOptions } from 'discord.js';
import { createTestDatabase, TestDatabase, testDriver } from '../../../test/support/test-database';
import { testConfig } from '../../../test/support/test-config';
import { waitFor } from '../../../test/support/wait-for';
import { Clock } from '../../common/clock/clock';
import { ClockModule } from '../../common/clock/clock.module';
import { ManualClock } from '../../../test/support/manual-clock';
import { MatchDeadlines } from './match-deadlines';
import { MetricsModule } from '../../common/metrics/metrics.module';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { Sql } from '../../database/sql';
import { identifier, sql } from '../../database/sql-fragment';
import { WriteStatus } from '../../database/guarded-write';
import { WriteListeners } from '../../database/write-listeners';
import { Notifier } from '../../discord/notifier';
import { LoggingModule } from '../logging/logging.module';
import { PlayerDirectory } from '../players/player-directory';
import { PlayersModule } from '../players/players.module';
import { QueueModule } from '../queue/queue.module';
import { QueueRoster } from '../queue/queue-roster';
import { waveStart } from './domain/wave-schedule';
import { MatchesModule } from './matches.module';
import { WaveService } from './wave.service';

/** Discord, at the edge: every DM the bot would send, by recipient. */
class RecordingNotifier {
  readonly dms: Array<{ to: string; message: MessageCreateOptions }> = [];
  readonly edits: string[] = [];
  async dm(to: string, message: MessageCreateOptions): Promise<string> {
    this.dms.push({ to, message });
    return String(this.dms.length);
  }
  async editDm(to: string): Promise<boolean> {
    this.edits.push(to);
    return true;
  }
  async post(): Promise<boolean> {
    return true;
  }
}

const WAVE_SECONDS = 45;

describe(`waves against the database (${testDriver()})`, () => {
  let database: TestDatabase;
  const booted: TestingModule[] = [];

  /** A bot process, booted now: its memory is the database as it stands. */
  async function bootBot(notifier = new RecordingNotifier(), clock: Clock = new Clock()): Promise<{ ref: TestingModule; notifier: RecordingNotifier }> {
    const config = testConfig(database.config, { WAVE_SECONDS: String(WAVE_SECONDS) });
    @Global()
    @Module({ providers: [{ provide: Notifier, useValue: notifier }], exports: [Notifier] })
    class RecordedDiscord {}
    const ref = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        ClockModule,
        MetricsModule,
        DatabaseModule.forRoot(config.database),
        RecordedDiscord,
        PlayersModule,
        QueueModule,
        MatchesModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    await ref.init();
    booted.push(ref);
    return { ref, notifier };
  }

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await Promise.all(booted.splice(0).map((ref) => ref.close()));
    await database.drop();
  });

  let seeded = 0;
  /** A ready player already in the queue (as an earlier life of the bot left them), joined at `joinedAt`. */
  async function queuedPlayer(db: Sql, entry: { bw?: [string, number]; sc2?: [string, number]; region: string; joinedAt: Date }): Promise<string> {
    seeded += 1;
    const discordId = String(500000000000000000n + BigInt(seeded));
    const now = new Date();
    const [player] = await db.query<{ id: number }>(sql`INSERT INTO players (discord_id, discord_username, player_name, battletag, country, region, terms_accepted,
        terms_version, terms_accepted_at, setup_completed_at, rev, activity, activity_at, version, created_at, updated_at)
      VALUES (${discordId}, ${`p${seeded}`}, ${`Player${String.fromCharCode(97 + (seeded % 26))}`}, ${`P#${1000 + seeded}`}, ${'DE'}, ${entry.region}, ${true},
        ${'1'}, ${now}, ${now}, ${2}, ${'queued'}, ${entry.joinedAt}, ${3}, ${now}, ${now}) RETURNING id`);
    await db.query(sql`INSERT INTO queue_entries_1v1 (player_id, bw_race, bw_mmr, sc2_race, sc2_mmr, vetoes, joined_at)
      VALUES (${Number(player.id)}, ${entry.bw?.[0] ?? null}, ${entry.bw?.[1] ?? null}, ${entry.sc2?.[0] ?? null}, ${entry.sc2?.[1] ?? null}, ${'[]'}, ${entry.joinedAt})`);
    return discordId;
  }

  /** The schema alone, for seeding before any bot boots. */
  async function seedingConnection(): Promise<{ db: Sql; done: () => Promise<void> }> {
    const { ref } = await bootBot();
    booted.splice(booted.indexOf(ref), 1);
    return { db: ref.get(Sql), done: () => ref.close() };
  }

  const count = async (db: Sql, table: string, where = sql`TRUE`) => Number((await db.query<{ n: unknown }>(sql`SELECT count(*) AS n FROM ${identifier(table)} WHERE ${where}`))[0].n);

  it('creates each match once when two processes run the same wave at the same time', async () => {
    const seeding = await seedingConnection();
    const joinedAt = new Date(Date.now() - 60_000);
    const ids: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      ids.push(await queuedPlayer(seeding.db, { bw: ['bw_zerg', 1500 + index * 10], region: 'EUW', joinedAt }));
      ids.push(await queuedPlayer(seeding.db, { sc2: ['sc2_protoss', 1505 + index * 10], region: 'EUE', joinedAt }));
    }
    await seeding.done();
    const first = await bootBot();
    const second = await bootBot();

    const outcomes: WriteStatus[] = [];
    for (const bot of [first, second]) bot.ref.get(WriteListeners).subscribe((status) => outcomes.push(status));
    const waveId = Math.floor(Date.now() / 1000 / WAVE_SECONDS) + 1;
    const [a, b] = await Promise.all([first.ref.get(WaveService).run(waveId), second.ref.get(WaveService).run(waveId)]);

    // Both proposed the same eight matches: each was created by one and found already made by the other.
    expect(outcomes.filter((status) => status === 'applied')).toHaveLength(8);
    expect(outcomes.filter((status) => status === 'repeat')).toHaveLength(8);
    const db = first.ref.get(Sql);
    expect(await count(db, 'matches_1v1')).toBe(8);
    expect([...a.created, ...b.created].sort((x, y) => x - y)).toHaveLength(8);
    expect(new Set([...a.created, ...b.created]).size).toBe(8);
    const keys = await db.query<{ idempotency_key: string }>(sql`SELECT idempotency_key FROM matches_1v1`);
    expect(keys.every(({ idempotency_key }) => idempotency_key.startsWith(`${waveId}:`))).toBe(true);
    expect(await count(db, 'queue_entries_1v1')).toBe(0);
    expect(await count(db, 'players', sql`activity = 'in_match' AND current_match_id IS NOT NULL`)).toBe(16);
    for (const bot of [first, second]) {
      expect(bot.ref.get(QueueRoster).size).toBe(0);
      expect(ids.map((id) => bot.ref.get(PlayerDirectory).statusOf(id).activity)).toEqual(ids.map(() => 'in_match'));
    }
    const recipients = [...first.notifier.dms, ...second.notifier.dms].map((dm) => dm.to).sort();
    expect(recipients).toEqual([...ids].sort());
  });

  it('writes nothing for a pair when one of them left meanwhile, and the other stays queued', async () => {
    const seeding = await seedingConnection();
    const joinedAt = new Date(Date.now() - 60_000);
    const stays = await queuedPlayer(seeding.db, { bw: ['bw_terran', 1500], region: 'NAE', joinedAt });
    const leaves = await queuedPlayer(seeding.db, { sc2: ['sc2_terran', 1500], region: 'NAE', joinedAt });
    await seeding.done();
    const bot = await bootBot();
    const db = bot.ref.get(Sql);
    // Another process let them leave: this one's memory still has them queued.
    await db.query(sql`UPDATE players SET activity = 'idle', version = version + 1 WHERE discord_id = ${leaves}`);
    await db.query(sql`DELETE FROM queue_entries_1v1 WHERE player_id = (SELECT id FROM players WHERE discord_id = ${leaves})`);

    const report = await bot.ref.get(WaveService).runNext();
    expect(report.created).toEqual([]);
    expect(await count(db, 'matches_1v1')).toBe(0);
    expect(await count(db, 'players', sql`discord_id = ${stays} AND activity = 'queued'`)).toBe(1);
    expect(await count(db, 'queue_entries_1v1')).toBe(1);
    expect(bot.ref.get(QueueRoster).get(stays)).toBeDefined();
    expect(bot.ref.get(QueueRoster).get(leaves)).toBeUndefined();
    expect(bot.ref.get(PlayerDirectory).statusOf(leaves).activity).toBe('idle');
    expect(bot.notifier.dms).toEqual([]);
  });

  it('counts the waves waited from the join time, so a restart keeps a long wait and its wider window', async () => {
    const seeding = await seedingConnection();
    const nextWave = Math.floor(Date.now() / 1000 / WAVE_SECONDS) + 1;
    // A gap of 400 needs W(c) = 100 + 50c >= 400: six waves waited.
    const longAgo = waveStart(nextWave - 6, WAVE_SECONDS);
    const justNow = new Date();
    const patient = await queuedPlayer(seeding.db, { bw: ['bw_protoss', 1900], region: 'EUW', joinedAt: longAgo });
    const fresh = await queuedPlayer(seeding.db, { sc2: ['sc2_zerg', 1500], region: 'EUW', joinedAt: justNow });
    const other = await queuedPlayer(seeding.db, { bw: ['bw_zerg', 1100], region: 'EUW', joinedAt: justNow });
    await seeding.done();
    const bot = await bootBot();

    const report = await bot.ref.get(WaveService).run(nextWave);
    expect(report.created).toHaveLength(1);
    const [match] = await bot.ref.get(Sql).query<{ player_1_mmr: number; player_2_mmr: number }>(sql`SELECT player_1_mmr, player_2_mmr FROM matches_1v1`);
    expect(match).toEqual({ player_1_mmr: 1900, player_2_mmr: 1500 });
    expect(bot.ref.get(QueueRoster).get(other)).toBeDefined();
    expect(bot.ref.get(PlayerDirectory).statusOf(patient).activity).toBe('in_match');
    expect(bot.ref.get(PlayerDirectory).statusOf(fresh).activity).toBe('in_match');
  });

  it('abandons a lapsed match once when two processes fire its deadline at the same time', async () => {
    const seeding = await seedingConnection();
    const clock = new ManualClock();
    const joinedAt = new Date(clock.now().getTime() - 60_000);
    const one = await queuedPlayer(seeding.db, { bw: ['bw_zerg', 1500], region: 'EUW', joinedAt });
    const two = await queuedPlayer(seeding.db, { sc2: ['sc2_zerg', 1500], region: 'EUW', joinedAt });
    await seeding.done();
    const first = await bootBot(new RecordingNotifier(), clock);
    expect((await first.ref.get(WaveService).runNext()).created).toHaveLength(1);
    const second = await bootBot(new RecordingNotifier(), clock);

    const outcomes: WriteStatus[] = [];
    for (const bot of [first, second]) bot.ref.get(WriteListeners).subscribe((status) => outcomes.push(status));
    clock.advance(61_000);
    await Promise.all([first.ref.get(MatchDeadlines).fireDue(), second.ref.get(MatchDeadlines).fireDue()]);

    const db = first.ref.get(Sql);
    expect(await count(db, 'matches_1v1', sql`status = 'timed_out'`)).toBe(1);
    expect(outcomes.filter((status) => status === 'applied')).toHaveLength(1);
    expect(outcomes.filter((status) => status !== 'applied')).toHaveLength(1);
    expect(await count(db, 'player_action_logs', sql`action = 'match_timed_out'`)).toBe(2);
    expect([...first.notifier.edits, ...second.notifier.edits].sort()).toEqual([one, two].sort());
    for (const bot of [first, second]) {
      const directory = bot.ref.get(PlayerDirectory);
      await waitFor('both players free in memory', () => directory.statusOf(one).activity === 'idle' && directory.statusOf(two).activity === 'idle');
    }
  });
});
