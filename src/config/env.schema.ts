import { resolve } from 'node:path';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number between ${min} and ${max}` })
    .int(`must be a whole number between ${min} and ${max}`)
    .min(min, `must be a whole number between ${min} and ${max}`)
    .max(max, `must be a whole number between ${min} and ${max}`);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const DEFAULT_STATIC_DATA_DIR = resolve(__dirname, '..', '..', 'data', 'static');

/** The terms URL a fresh install shows until a community sets its own. */
export const PLACEHOLDER_TERMS_URL = 'https://github.com/ladder-bot/terms';

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional(),
    DISCORD_TOKEN: z.string().min(1).optional(),
    DISCORD_API_BASE: httpUrl
      .refine((url) => !/\/v\d+\/?$/.test(url), 'must not include the API version (e.g. http://127.0.0.1:4000/api)')
      .default('https://discord.com/api'),
    DISCORD_GUILD_ID: snowflake.optional(),
    DISCORD_REST_SWEEP_SECONDS: wholeNumber(1, 600).default(300),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    SQLITE_PATH: z.string().min(1).optional(),
    DB_POOL_MAX: wholeNumber(1, 200).default(10),
    DB_POOL_MIN: wholeNumber(1, 200).default(2),
    DB_STATEMENT_TIMEOUT_MS: wholeNumber(100, 600_000).default(5000),
    DB_CONNECT_ATTEMPTS: wholeNumber(1, 1000).default(10),
    DB_CONNECT_RETRY_SECONDS: wholeNumber(1, 300).default(3),
    CHAOS_HOLD_AT: z.string().regex(/^[a-z0-9_:.-]+(#[1-9]\d*)?$/, { error: 'must name a write point, e.g. match_confirmed:after#2' }).optional(),
    HOST: z.string().min(1).default('0.0.0.0'),
    SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
    SANDBOX_PORT: wholeNumber(0, 65535).default(3100),
    PRACTICE_DELAY_MS: wholeNumber(0, 60_000).default(1500),
    PORT: wholeNumber(0, 65535).default(3000),
    HTTP_BODY_LIMIT_BYTES: wholeNumber(1024, 10 * 1024 * 1024).default(65_536),
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').regex(/^\S+$/, 'must not contain spaces: no Authorization header could carry it').optional(),
    ADMIN_DISCORD_IDS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(snowflake)),
    ADMIN_CHANNEL_ID: snowflake.optional(),
    LADDER_CHANNEL_ID: snowflake.optional(),
    TERMS_URL: httpUrl.default(PLACEHOLDER_TERMS_URL),
    TERMS_VERSION: z
      .string()
      .regex(/^[\w.-]{1,32}$/, 'must be 1 to 32 letters, digits, dots, dashes or underscores (it goes into button ids)')
      .default('1'),
    STATIC_DATA_DIR: z.string().min(1).default(DEFAULT_STATIC_DATA_DIR),
    ABORTS_PER_MONTH: wholeNumber(0, 100).default(3),
    VIEW_CACHE_SECONDS: wholeNumber(1, 86_400).default(300),
    HISTORY_PAGE_SIZE: wholeNumber(1, 25).default(10),
    LEADERBOARD_PAGE_SIZE: wholeNumber(1, 40).default(40),
    LEADERBOARD_MAX_PAGES: wholeNumber(1, 99).default(25),
    MATCH_WINDOW_BASE: wholeNumber(0, 5000).default(100),
    MATCH_WINDOW_STEP: wholeNumber(0, 5000).default(50),
    INITIAL_RATING: wholeNumber(0, 10_000).default(1500),
    RATING_K: wholeNumber(1, 200).default(40),
    RATING_SCALE: wholeNumber(50, 5000).default(500),
    RESULTS_TO_LADDER_CHANNEL: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((value) => value === 'true'),
    WAVE_SECONDS: wholeNumber(5, 3600).default(45),
    TIMERS: z.enum(['clock', 'manual'], { error: 'must be clock or manual' }).default('clock'),
    CONFIRM_SECONDS: wholeNumber(10, 3600).default(60),
    REPORT_DEADLINE_SECONDS: wholeNumber(60, 30 * 86_400).default(86_400),
    LOBBY_CHANNEL: z.string().trim().min(1).max(50, 'must be at most 50 characters').default('BWvsSC2'),
  })
  .refine((env) => env.DB_POOL_MIN <= env.DB_POOL_MAX, {
    path: ['DB_POOL_MIN'],
    message: 'must not exceed DB_POOL_MAX',
    when: (payload) => payload.issues.length === 0,
  })
  // The local Discord emulator is for development, tests and demos: production talks to Discord or not at all.
  .refine((env) => env.NODE_ENV !== 'production' || env.DISCORD_TOKEN !== undefined, {
    path: ['DISCORD_TOKEN'],
    message: 'is required when NODE_ENV=production',
    when: (payload) => payload.issues.length === 0,
  })
  // Players accept what TERMS_URL shows: a live ladder names its own terms.
  .refine((env) => env.NODE_ENV !== 'production' || env.TERMS_URL !== PLACEHOLDER_TERMS_URL, {
    path: ['TERMS_URL'],
    message: "must name your community's terms when NODE_ENV=production (the default is a placeholder)",
    when: (payload) => payload.issues.length === 0,
  });

export type Env = z.infer<typeof envSchema>;
