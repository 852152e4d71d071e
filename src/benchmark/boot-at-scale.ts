import { Client as PgClient } from 'pg';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { ForkedBot } from './forked-bot';
import { createBenchDatabase } from './bench-database';

export interface BootFigures {
  players: number;
  ratings: number;
  boot_ms: number;
  heap_mb: number;
  /** The heap above the same bot booted on an empty database: what the players, their ratings and preferences take. */
  players_heap_mb: number;
  bytes_per_player: number;
}

/**
 * Boot to ready with many players in PostgreSQL behind the latency proxy: the players (set up, two
 * ratings each, preferences) are written straight into the database, then the bot boots in a process
 * of its own. Its heap after a forced collection, less an empty boot's, is what the player map holds.
 */
export async function bootAtScale(serverUrl: string, latencyMs: number, sizes: readonly number[]): Promise<BootFigures[]> {
  const database = await createBenchDatabase(serverUrl, `ladder_bench_${process.pid}_boot`, latencyMs);
  try {
    const empty = await boot(database.proxiedUrl);
    const figures: BootFigures[] = [];
    let seeded = 0;
    for (const size of sizes) {
      await seed(database.directUrl, seeded, size);
      seeded = size;
      const booted = await boot(database.proxiedUrl);
      const extra = booted.heapUsed - empty.heapUsed;
      figures.push({ players: size, ratings: 2 * size, boot_ms: Math.round(booted.bootMs), heap_mb: mb(booted.heapUsed), players_heap_mb: mb(extra), bytes_per_player: Math.round(extra / size) });
    }
    return figures;
  } finally {
    await database.drop();
  }
}

async function boot(databaseUrl: string): Promise<{ bootMs: number; heapUsed: number }> {
  const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
  const bot = new ForkedBot(emulator, { DATABASE_URL: databaseUrl, DB_POOL_MIN: '2' });
  try {
    const bootMs = await bot.start();
    const { heapUsed } = await bot.memory();
    return { bootMs, heapUsed };
  } finally {
    await bot.stop();
    await emulator.stop();
  }
}

/** Players `from + 1` to `to`: terms accepted, set up, a BW and an SC2 rating, and queue preferences. */
async function seed(databaseUrl: string, from: number, to: number): Promise<void> {
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO players (discord_id, discord_username, player_name, battletag, country, region, terms_accepted, terms_version, terms_accepted_at,
         setup_completed_at, rev, version, created_at, updated_at)
       SELECT (100000000000000000 + n)::text, 'seeded' || n, 'P' || n, 'P' || n || '#1234', 'DE', 'EUW', true, '1', now(), now(), 2, 2, now(), now()
       FROM generate_series($1::int + 1, $2::int) AS n`,
      [from, to],
    );
    await client.query(
      `INSERT INTO mmrs_1v1 (player_id, race, mmr, games_played, games_won, games_lost, games_drawn, last_played_at, created_at, updated_at)
       SELECT p.id, race, 1200 + (p.id * 7919) % 700, 10, 5, 5, 0, now() - ((p.id % 20) || ' days')::interval, now(), now()
       FROM players p CROSS JOIN (VALUES ('bw_zerg'), ('sc2_terran')) AS races(race)
       WHERE p.discord_username LIKE 'seeded%' AND substring(p.discord_username FROM 7)::int > $1::int`,
      [from],
    );
    await client.query(
      `INSERT INTO preferences_1v1 (player_id, last_chosen_races, last_chosen_vetoes, updated_at)
       SELECT p.id, '["bw_zerg","sc2_terran"]', '[]', now() FROM players p
       WHERE p.discord_username LIKE 'seeded%' AND substring(p.discord_username FROM 7)::int > $1::int`,
      [from],
    );
  } finally {
    await client.end();
  }
}

function mb(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
