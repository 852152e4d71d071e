import { ConfigError, loadConfig, withoutPassword } from './load-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '0.0.0.0', port: 3000, bodyLimitBytes: 65_536 });
    expect(config.database).toEqual({ driver: 'sqlite', path: expect.stringMatching(/data\/ladder\.sqlite$/), statementTimeoutMs: 5000, connect: { attempts: 10, retryMs: 3000 } });
    expect(config.discord).toEqual({ token: undefined, apiBase: 'https://discord.com/api', guildId: undefined, restSweepSeconds: 300 });
    expect(config.admin).toEqual({ token: undefined, discordIds: [] });
    expect(config.terms.version).toBe('1');
    expect(config.staticData.dir).toMatch(/data\/static$/);
    expect(config.ladder).toEqual({
      abortsPerMonth: 3,
      initialRating: 1500,
      rating: { k: 40, scale: 500 },
      confirmSeconds: 60,
      reportSeconds: 86_400,
      lobbyChannel: 'BWvsSC2',
      resultsToLadderChannel: false,
    });
    expect(config.matchmaking).toEqual({ windowBase: 100, windowStep: 50, waveSeconds: 45 });
    expect(config.timers).toBe('clock');
    expect(config.viewCacheSeconds).toBe(300);
  });

  it('runs as a sandbox without a token: its page on loopback, its own SQLite file, never DATABASE_URL', () => {
    expect(loadConfig({}).sandbox).toEqual({ host: '127.0.0.1', port: 3100, sqlitePath: expect.stringMatching(/\/data\/sandbox\.sqlite$/), ignoredDatabaseUrl: false, practiceDelayMs: 1500 });
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:secret@db:5432/ladder' }).sandbox?.ignoredDatabaseUrl).toBe(true);
    expect(loadConfig({ SQLITE_PATH: '/tmp/try/it.sqlite', SANDBOX_HOST: '0.0.0.0', SANDBOX_PORT: '8080', PRACTICE_DELAY_MS: '0' }).sandbox).toEqual({ host: '0.0.0.0', port: 8080, sqlitePath: '/tmp/try/it.sqlite', ignoredDatabaseUrl: false, practiceDelayMs: 0 });
  });

  it('has no sandbox with a token, and keeps the ladder in ./data/ladder.sqlite', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'a-token' });
    expect(config.sandbox).toBeUndefined();
    expect(config.database).toMatchObject({ driver: 'sqlite', path: expect.stringMatching(/\/data\/ladder\.sqlite$/) });
  });

  it.each<[string, NodeJS.ProcessEnv, boolean, 'json' | 'pretty']>([
    ['development at a terminal', {}, true, 'pretty'],
    ['development piped to a file or a collector', {}, false, 'json'],
    ['production at a terminal', { NODE_ENV: 'production', DISCORD_TOKEN: 't', TERMS_URL: 'https://example.org/terms' }, true, 'json'],
    ['test at a terminal', { NODE_ENV: 'test' }, true, 'json'],
    ['LOG_FORMAT=json at a terminal', { LOG_FORMAT: 'json' }, true, 'json'],
    ['LOG_FORMAT=pretty when piped', { LOG_FORMAT: 'pretty' }, false, 'pretty'],
  ])('logs %s as %s', (_case, env, interactive, format) => {
    expect(loadConfig(env, { interactive }).logFormat).toBe(format);
  });

  it('treats an empty value as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '  ', DISCORD_TOKEN: '', ADMIN_DISCORD_IDS: '' });
    expect(config.http.port).toBe(3000);
    expect(config.database.driver).toBe('sqlite');
    expect(config.discord.token).toBeUndefined();
  });

  it('uses PostgreSQL with a bounded pool when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://bot:secret@db:5432/ladder', DB_POOL_MAX: '20', DB_POOL_MIN: '4' });
    expect(config.database).toEqual({ driver: 'postgres', url: 'postgres://bot:secret@db:5432/ladder', poolMax: 20, poolMin: 4, statementTimeoutMs: 5000, connect: { attempts: 10, retryMs: 3000 } });
  });

  it('uses SQLITE_PATH when DATABASE_URL is unset', () => {
    expect(loadConfig({ SQLITE_PATH: '/tmp/x/ladder.db' }).database).toEqual({ driver: 'sqlite', path: '/tmp/x/ladder.db', statementTimeoutMs: 5000, connect: { attempts: 10, retryMs: 3000 } });
  });

  it('reads admin ids as a comma-separated list of snowflakes', () => {
    const config = loadConfig({ ADMIN_DISCORD_IDS: '123456789012345678, 223456789012345678 ,' });
    expect(config.admin.discordIds).toEqual(['123456789012345678', '223456789012345678']);
  });

  it('keeps the REST base without a trailing slash', () => {
    expect(loadConfig({ DISCORD_API_BASE: 'http://127.0.0.1:4000/api/' }).discord.apiBase).toBe('http://127.0.0.1:4000/api');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DB_POOL_MAX', '0'],
    ['DATABASE_URL', 'mysql://localhost/ladder'],
    ['DATABASE_URL', 'not a url'],
    ['DISCORD_API_BASE', 'ftp://example.org/api'],
    ['DISCORD_API_BASE', 'http://127.0.0.1:4000/api/v10'],
    ['DISCORD_GUILD_ID', '12ab'],
    ['ADMIN_CHANNEL_ID', '42'],
    ['LADDER_CHANNEL_ID', 'general'],
    ['TERMS_URL', 'terms.html'],
    ['TERMS_VERSION', 'x'.repeat(33)],
    ['TERMS_VERSION', '2026 Nov'],
    ['DB_POOL_MIN', '0'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'colour'],
    ['SANDBOX_PORT', '70000'],
    ['PRACTICE_DELAY_MS', '61000'],
    ['DB_CONNECT_ATTEMPTS', '0'],
    ['DB_CONNECT_RETRY_SECONDS', 'soon'],
    ['NODE_ENV', 'staging'],
    ['ABORTS_PER_MONTH', '-1'],
    ['VIEW_CACHE_SECONDS', '0'],
    ['WAVE_SECONDS', '4'],
    ['TIMERS', 'hourly'],
    ['RATING_K', '0'],
    ['RESULTS_TO_LADDER_CHANNEL', 'yes'],
    ['REPORT_DEADLINE_SECONDS', '59'],
    ['LOBBY_CHANNEL', 'x'.repeat(51)],
    ['CONFIRM_SECONDS', '5'],
    ['INITIAL_RATING', '1500.5'],
  ])('refuses %s=%s with a message naming the variable', (variable, value) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}: .+ \\(got "${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\)$`));
  });

  it('never repeats a secret back: a bad ADMIN_TOKEN or DISCORD_TOKEN is named, its value is not', () => {
    expect(problemsOf({ ADMIN_TOKEN: 'short' })).toEqual(['ADMIN_TOKEN: must be at least 16 characters']);
    expect(problemsOf({ ADMIN_TOKEN: 'a token with spaces in it' })).toEqual(['ADMIN_TOKEN: must not contain spaces: no Authorization header could carry it']);
    expect(problemsOf({ ADMIN_TOKEN: 'tab\tseparated-long-token' })).toEqual(['ADMIN_TOKEN: must not contain spaces: no Authorization header could carry it']);
  });

  it('shows a bad DATABASE_URL without its password', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://ladder:s3cret@db.example:3306/ladder' })).toEqual(['DATABASE_URL: must be a postgres:// or postgresql:// URL (got "mysql://ladder:***@db.example:3306/ladder")']);
    expect(withoutPassword('postgres://ladder:p%40ss@10.0.0.5:5432/ladder')).toBe('postgres://ladder:***@10.0.0.5:5432/ladder');
    expect(withoutPassword('postgres://ladder@10.0.0.5/ladder')).toBe('postgres://ladder@10.0.0.5/ladder');
  });

  it('refuses the placeholder terms in production, and takes them elsewhere', () => {
    expect(problemsOf({ NODE_ENV: 'production', DISCORD_TOKEN: 'token' })).toEqual(["TERMS_URL: must name your community's terms when NODE_ENV=production (the default is a placeholder)"]);
    expect(loadConfig({ NODE_ENV: 'production', DISCORD_TOKEN: 'token', TERMS_URL: 'https://example.org/ladder-terms' }).terms.url).toBe('https://example.org/ladder-terms');
    expect(loadConfig({ NODE_ENV: 'development' }).terms.url).toBe('https://github.com/ladder-bot/terms');
  });

  it('names the bad id inside ADMIN_DISCORD_IDS', () => {
    expect(problemsOf({ ADMIN_DISCORD_IDS: '123456789012345678,bob' })[0]).toMatch(/^ADMIN_DISCORD_IDS\.1: must be a Discord id/);
  });

  it('refuses a pool minimum above its maximum', () => {
    expect(problemsOf({ DB_POOL_MAX: '2', DB_POOL_MIN: '5' })).toEqual(['DB_POOL_MIN: must not exceed DB_POOL_MAX (got "5")']);
  });

  it('reports every problem at once, in a message that lists them', () => {
    try {
      loadConfig({ PORT: 'x', DB_POOL_MAX: '-1' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/^Invalid configuration:\n/);
      expect(message).toMatch(/\n {2}- PORT: must be a whole number/);
      expect(message).toMatch(/\n {2}- DB_POOL_MAX: must be a whole number/);
    }
  });
});
