import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_STATIC_DATA_DIR } from '../src/config/env.schema';
import { DiscordDriver, DiscordEmulator } from '../src/emulator';
import type { SandboxMessage, SandboxSnapshot } from '../src/sandbox/sandbox-view';
import { BotProcess } from './support/bot-process';
import { EventStream } from './support/event-stream';
import { createTestDatabase, TestDatabase, testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

const ADMIN_TOKEN = 'startup-admin-token-0123456789';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe(`starting the bot as its own process (${testDriver()})`, () => {
  let emulator: DiscordEmulator;
  let database: TestDatabase;
  let bot: BotProcess;
  let dir: string;
  let driver: DiscordDriver | undefined;

  beforeEach(async () => {
    emulator = await new DiscordEmulator().start();
    database = await createTestDatabase();
    bot = BotProcess.against(emulator, database.config);
    dir = mkdtempSync(join(tmpdir(), 'ladder-static-'));
    cpSync(DEFAULT_STATIC_DATA_DIR, dir, { recursive: true });
  });

  afterEach(async () => {
    driver?.dispose();
    driver = undefined;
    await bot.kill();
    await emulator.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const commandsRegistered = () => waitFor('the commands to be registered', () => emulator.commands.list(emulator.guildId).length > 0);

  it('refuses to start in production without a Discord token, naming the variable, and never runs the emulator', async () => {
    bot.start({ NODE_ENV: 'production', DISCORD_TOKEN: '' });
    expect(await bot.exited()).toBe(1);
    expect(bot.log()).toMatch(/Cannot start:[\s\S]*DISCORD_TOKEN: is required when NODE_ENV=production/);
    expect(bot.log()).not.toMatch(/emulator at http/);
  });

  it('reads a .env file beneath the environment: its values apply, and the environment wins over it', async () => {
    const envFile = join(dir, 'ladder.env');
    // The file's PORT would fail (nothing may listen on port 1 here); the environment's PORT=0 wins.
    writeFileSync(envFile, `ADMIN_TOKEN=${ADMIN_TOKEN}-from-file\nPORT=1\nWAVE_SECONDS=30\n`);
    const started = bot.ready();
    bot.start({ ENV_FILE: envFile, PORT: '0' });
    await started;
    const stats = await fetch(`${bot.httpBase()}/admin/stats`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}-from-file` } });
    expect(stats.status).toBe(200);
  });

  it('logs one readable line per event with LOG_FORMAT=pretty: no line per Nest module, users by name, and a line at shutdown', async () => {
    const started = bot.ready();
    bot.start({ LOG_FORMAT: 'pretty' });
    await started;
    await commandsRegistered();
    driver = new DiscordDriver(emulator, { timeoutMs: 10_000 });
    await driver.createUser('fay').runCommand('help');
    await waitFor('the interaction line', () => /\[Interaction\] \/help by fay \(\d+\): acknowledged in [\d.]+ ms/.test(bot.log()));
    await bot.stop();

    const lines = bot.log().trim().split('\n');
    expect(lines.every((line) => /^\[\d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN|ERROR): \[\w+\] /.test(line))).toBe(true);
    expect(bot.log()).toMatch(/\[Bootstrap\] Ladder bot serving HTTP on http:/);
    expect(bot.log()).not.toMatch(/InstanceLoader|dependencies initialized|Mapped \{|RoutesResolver|successfully started/);
    expect(lines.at(-1)).toMatch(/\[Shutdown\] Ladder bot stopped \(SIGTERM\)$/);
  });

  it('logs JSON when its output is not a terminal, naming the user of an interaction by id and username', async () => {
    const started = bot.ready();
    bot.start({ LOG_FORMAT: '' });
    await started;
    await commandsRegistered();
    driver = new DiscordDriver(emulator, { completions: bot.completions, timeoutMs: 10_000 });
    const fay = driver.createUser('fay');
    await fay.runCommand('help');
    await bot.stop();

    const lines = bot.log().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'interaction', route: '/help', user: fay.id, username: 'fay' }));
    expect(lines.at(-1)).toEqual(expect.objectContaining({ context: 'Shutdown', msg: 'Ladder bot stopped (SIGTERM)' }));
  });

  /** A database this run's driver cannot open: a SQLite path through a file, or a PostgreSQL database that does not exist. */
  function unopenableDatabase(): { env: NodeJS.ProcessEnv; says: string } {
    if (database.config.driver === 'sqlite') {
      const path = join(dir, 'races.json', 'ladder.sqlite');
      return { env: { SQLITE_PATH: path }, says: `SQLITE_PATH: cannot open ${path}: a part of the path is a file, not a folder.` };
    }
    const url = new URL(database.config.url);
    url.pathname = '/ladder_no_such_database';
    url.password = 'never-shown-pw';
    return { env: { DATABASE_URL: url.toString() }, says: `DATABASE_URL: PostgreSQL at ${url.hostname}:${url.port || 5432} has no database "ladder_no_such_database".` };
  }

  it('stops at once on a database it cannot open, in one line naming the variable and the path or database', async () => {
    const { env, says } = unopenableDatabase();
    bot.start({ ...env, DB_CONNECT_RETRY_SECONDS: '60' });
    expect(await bot.exited()).toBe(1);
    expect(bot.log()).toContain(`Cannot start: ${says}`);
    expect(bot.log()).not.toMatch(/^\s+at /m);
    expect(bot.log()).not.toMatch(/retrying|never-shown-pw/);
  });

  it('says it is retrying a PostgreSQL server that refuses connections, then gives up naming the host, never the password', async () => {
    const nothingListens = await freePort();
    bot.start({ DATABASE_URL: `postgres://ladder:never-shown-pw@127.0.0.1:${nothingListens}/ladder`, DB_CONNECT_ATTEMPTS: '2', DB_CONNECT_RETRY_SECONDS: '1' });
    expect(await bot.exited()).toBe(1);
    const refused = `DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${nothingListens}: connection refused`;
    expect(bot.log()).toMatch(new RegExp(`"msg":"${refused}.*; retrying in 1 s \\(attempt 2 of 2\\)"`));
    expect(bot.log()).toContain(`Cannot start: ${refused} (is PostgreSQL running and listening there?) (gave up after 2 attempts)`);
    expect(bot.log()).not.toMatch(/never-shown-pw|^\s+at /m);
  });

  it('says in one line that its port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      bot.start({ PORT: String(port) });
      expect(await bot.exited()).toBe(1);
    } finally {
      taken.close();
    }
    expect(bot.log()).toContain(`Cannot start: PORT: 127.0.0.1:${port} is already in use; stop what listens there or set another PORT.`);
    expect(bot.log()).not.toMatch(/EADDRINUSE|^\s+at /m);
  });

  it('runs as a sandbox without a token: one line with its page address, its own SQLite file even with DATABASE_URL set', async () => {
    const sandboxFile = join(dir, 'sandbox', 'try-it.sqlite');
    const started = bot.ready();
    bot.start({ DISCORD_TOKEN: '', DISCORD_API_BASE: '', DISCORD_GUILD_ID: '', SQLITE_PATH: sandboxFile, DATABASE_URL: 'postgres://ladder:never-used@127.0.0.1:1/ladder', SANDBOX_PORT: '0' });
    await started;

    const lines = bot.log().split('\n').filter((line) => line.includes('Sandbox: open'));
    expect(lines).toHaveLength(1);
    const url = /Sandbox: open (http:\/\/127\.0\.0\.1:\d+) /.exec(lines[0])?.[1];
    expect(url).toBeDefined();
    expect(bot.log()).toContain(`database: SQLite at ${sandboxFile}`);
    expect(bot.log()).toContain('DATABASE_URL is used only with a token');
    expect(existsSync(sandboxFile)).toBe(true);

    const stream = await EventStream.open(`${url}/api/events?as=900000000000000001`);
    try {
      const snapshot = await stream.next<SandboxSnapshot>('the sandbox snapshot', (event) => event.event === 'snapshot');
      expect(snapshot.users.map((user) => [user.username, user.admin])).toEqual([['ana', false], ['ben', false], ['cleo', false], ['dmitri', false], ['admin', true]]);
      await waitFor('the commands to reach the sandbox', async () => (await fetch(`${url}/api/command`, { method: 'POST', body: JSON.stringify({ as: '900000000000000001', name: 'help' }) })).status === 202);
      const help = await stream.next<SandboxMessage>('the help', (event) => event.event === 'message' && (event.data as SandboxMessage).embeds[0]?.title === 'Brood War vs StarCraft II ladder');
      expect(help.onlyYou).toBe(true);
    } finally {
      await stream.close();
    }
  });

  it('never runs the sandbox with a token', async () => {
    const started = bot.ready();
    bot.start({ SANDBOX_PORT: '0' });
    await started;
    expect(bot.log()).not.toMatch(/Sandbox|DISCORD_TOKEN is not set/);
  });

  it('names a missing ENV_FILE and does not start', async () => {
    bot.start({ ENV_FILE: join(dir, 'missing.env') });
    expect(await bot.exited()).toBe(1);
    expect(bot.log()).toMatch(/Cannot start:[\s\S]*ENV_FILE: no file at .*missing\.env/);
  });

  it('boots on the last consistent static data when the files disagree, and a reload says which source each file came from and why', async () => {
    const started = bot.ready();
    bot.start({ STATIC_DATA_DIR: dir, ADMIN_TOKEN });
    await started;
    await bot.kill();

    const path = join(dir, 'server-choice.json');
    const choice = JSON.parse(readFileSync(path, 'utf8'));
    choice.overrides[0].server = 'XXX';
    writeFileSync(path, JSON.stringify(choice));

    const restarted = bot.ready();
    bot.start({ STATIC_DATA_DIR: dir, ADMIN_TOKEN });
    await restarted;
    expect(bot.log()).toMatch(/disagree with each other[\s\S]*XXX[\s\S]*using the last consistent set from the database/);

    const response = await fetch(`${bot.httpBase()}/admin/static/reload`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { sources: Record<string, { from: string; reason?: string }> };
    expect(Object.keys(body.sources)).toHaveLength(7);
    for (const source of Object.values(body.sources)) expect(source).toEqual({ from: 'database', reason: expect.stringMatching(/server-choice\.json.*XXX/) });
  });

  it('as run, reads no body before the admin token, refuses a malformed one without a stack trace, and never names its framework', async () => {
    const started = bot.ready();
    bot.start({ STATIC_DATA_DIR: dir, ADMIN_TOKEN });
    await started;
    const post = (headers: Record<string, string>) => fetch(`${bot.httpBase()}/admin/static/reload`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"broken": ' });
    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-powered-by')).toBeNull();
    const admin = await post({ Authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(admin.status).toBe(400);
    expect(await admin.json()).toMatchObject({ statusCode: 400, message: expect.stringMatching(/^The body is not valid JSON/) });
    // The line is written as the answer goes out: it may reach the pipe a moment after the answer does.
    await waitFor('the refusal to be logged', () => /Refused POST \/admin\/static\/reload: The body is not valid JSON/.test(bot.log()));
    expect(bot.log()).not.toMatch(/SyntaxError|\n\s+at /);
  });
});
