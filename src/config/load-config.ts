import { resolve } from 'node:path';
import { z } from 'zod';
import { AppConfig } from './app-config';
import { Env, envSchema } from './env.schema';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An empty variable means unset, so `PORT=` in a .env file falls back to the default. */
function withoutEmptyValues(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
}

export const LADDER_SQLITE_PATH = './data/ladder.sqlite';
export const SANDBOX_SQLITE_PATH = './data/sandbox.sqlite';

/** Variables whose value is never repeated back, in an error or anywhere else. */
const SECRETS = new Set(['DISCORD_TOKEN', 'ADMIN_TOKEN']);

function describe(issue: z.core.$ZodIssue, source: Record<string, string>): string {
  const variable = issue.path.join('.') || '(environment)';
  const given = source[variable];
  if (given === undefined || SECRETS.has(variable)) return `${variable}: ${issue.message}`;
  return `${variable}: ${issue.message} (got "${variable === 'DATABASE_URL' ? withoutPassword(given) : given}")`;
}

/** A connection URL as it may be shown: the password replaced. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** `interactive`: the logs go to a terminal, where a person reads them (the default log format follows it). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, { interactive = Boolean(process.stdout.isTTY) } = {}): AppConfig {
  const present = withoutEmptyValues(source);
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => describe(issue, present)));
  }
  return toAppConfig(parsed.data, interactive);
}

/** Without a token the bot is a sandbox, on a SQLite file of its own: never a database meant for a real ladder. */
function sandboxOf(env: Env): NonNullable<AppConfig['sandbox']> {
  return {
    host: env.SANDBOX_HOST,
    port: env.SANDBOX_PORT,
    practiceDelayMs: env.PRACTICE_DELAY_MS,
    sqlitePath: resolve(env.SQLITE_PATH ?? SANDBOX_SQLITE_PATH),
    ignoredDatabaseUrl: env.DATABASE_URL !== undefined,
  };
}

function toAppConfig(env: Env, interactive: boolean): AppConfig {
  return {
    environment: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' && interactive ? 'pretty' : 'json'),
    http: { host: env.HOST, port: env.PORT, bodyLimitBytes: env.HTTP_BODY_LIMIT_BYTES },
    ...(!env.DISCORD_TOKEN && { sandbox: sandboxOf(env) }),
    discord: {
      token: env.DISCORD_TOKEN,
      apiBase: env.DISCORD_API_BASE.replace(/\/$/, ''),
      guildId: env.DISCORD_GUILD_ID,
      restSweepSeconds: env.DISCORD_REST_SWEEP_SECONDS,
    },
    database: {
      ...(env.DATABASE_URL
        ? { driver: 'postgres' as const, url: env.DATABASE_URL, poolMax: env.DB_POOL_MAX, poolMin: env.DB_POOL_MIN }
        : { driver: 'sqlite' as const, path: resolve(env.SQLITE_PATH ?? LADDER_SQLITE_PATH) }),
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      connect: { attempts: env.DB_CONNECT_ATTEMPTS, retryMs: env.DB_CONNECT_RETRY_SECONDS * 1000 },
      ...(env.CHAOS_HOLD_AT && { holdAt: env.CHAOS_HOLD_AT }),
    },
    admin: { token: env.ADMIN_TOKEN, discordIds: env.ADMIN_DISCORD_IDS },
    channels: { ladder: env.LADDER_CHANNEL_ID, admin: env.ADMIN_CHANNEL_ID },
    terms: { url: env.TERMS_URL, version: env.TERMS_VERSION },
    staticData: { dir: resolve(env.STATIC_DATA_DIR) },
    ladder: {
      abortsPerMonth: env.ABORTS_PER_MONTH,
      initialRating: env.INITIAL_RATING,
      rating: { k: env.RATING_K, scale: env.RATING_SCALE },
      confirmSeconds: env.CONFIRM_SECONDS,
      reportSeconds: env.REPORT_DEADLINE_SECONDS,
      lobbyChannel: env.LOBBY_CHANNEL,
      resultsToLadderChannel: env.RESULTS_TO_LADDER_CHANNEL,
    },
    matchmaking: { windowBase: env.MATCH_WINDOW_BASE, windowStep: env.MATCH_WINDOW_STEP, waveSeconds: env.WAVE_SECONDS },
    timers: env.TIMERS,
    viewCacheSeconds: env.VIEW_CACHE_SECONDS,
    historyPageSize: env.HISTORY_PAGE_SIZE,
    leaderboard: { pageSize: env.LEADERBOARD_PAGE_SIZE, maxPages: env.LEADERBOARD_MAX_PAGES },
  };
}
