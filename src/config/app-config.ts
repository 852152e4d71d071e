/** `statementTimeoutMs` bounds every statement on a command path (migrations and the boot load are exempt). */
/** `holdAt`: a point of the write path where `npm run chaos` holds the bot for its kill (never set otherwise). */
/** `connect`: how often, and how far apart, the bot tries to reach a database that is not up yet at start. */
export type DatabaseConfig = (
  | { driver: 'postgres'; url: string; poolMax: number; poolMin: number }
  | { driver: 'sqlite'; path: string }
) & { statementTimeoutMs: number; connect: { attempts: number; retryMs: number }; holdAt?: string };

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** `pretty`: one coloured line per event, for a person at a terminal; `json`: one JSON object per line. */
  logFormat: 'json' | 'pretty';
  /** `bodyLimitBytes`: the largest request body the HTTP API reads; a larger one is refused (413). */
  http: { host: string; port: number; bodyLimitBytes: number };
  /**
   * Set only without a Discord token: the local Discord emulator's guild shown as a page at this address,
   * the bot keeping its data in `sqlitePath`. `ignoredDatabaseUrl`: DATABASE_URL was set, and is not used.
   */
  sandbox?: { host: string; port: number; sqlitePath: string; ignoredDatabaseUrl: boolean; practiceDelayMs: number };
  /** `restSweepSeconds`: how often idle REST handlers are dropped (interaction tokens live 15 minutes). */
  discord: { token?: string; apiBase: string; guildId?: string; restSweepSeconds: number };
  database: DatabaseConfig;
  admin: { token?: string; discordIds: readonly string[] };
  channels: { ladder?: string; admin?: string };
  terms: { url: string; version: string };
  staticData: { dir: string };
  /**
   * `initialRating`: what a race brings before its first game; `confirmSeconds`: how long both players
   * have to confirm a match; `reportSeconds`: how long they have to report once both confirmed;
   * `lobbyChannel`: the in-game chat channel the match card names; `rating`: Elo's K and scale;
   * `resultsToLadderChannel`: a line per result in the ladder channel too.
   */
  ladder: {
    abortsPerMonth: number;
    initialRating: number;
    rating: { k: number; scale: number };
    confirmSeconds: number;
    reportSeconds: number;
    lobbyChannel: string;
    resultsToLadderChannel: boolean;
  };
  /**
   * The rating window a waiting player accepts: base + step x waves waited (LADDER.md, Window). Waves
   * run every `waveSeconds`, anchored to the epoch.
   */
  matchmaking: { windowBase: number; windowStep: number; waveSeconds: number };
  /** `clock`: waves and deadlines fire on time; `manual`: only when asked (tests, the demo). */
  timers: 'clock' | 'manual';
  /** How long rendered views (profiles, leaderboard pages) stay in the view cache. */
  viewCacheSeconds: number;
  /** Matches per /history page. */
  historyPageSize: number;
  /** Ratings per /leaderboard page, and how many pages it offers at most. */
  leaderboard: { pageSize: number; maxPages: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
