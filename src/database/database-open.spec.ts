import { createServer, Server } from 'node:net';
import { DatabaseConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseOpenError, explainOpenFailure, openDataSource } from './database-open';

const connect = { attempts: 3, retryMs: 2000 };
const sqlite: DatabaseConfig = { driver: 'sqlite', path: '/srv/ladder/data/ladder.sqlite', statementTimeoutMs: 5000, connect };
const postgres = (url: string): DatabaseConfig => ({ driver: 'postgres', url, poolMax: 2, poolMin: 1, statementTimeoutMs: 5000, connect });
const failure = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
const URL_WITH_PASSWORD = 'postgres://ladder:s3cret-pw@db.example.org:6543/ladder';

describe('explainOpenFailure', () => {
  it.each<[string, Error, string]>([
    ['a path through a file', failure('ENOTDIR'), 'a part of the path is a file, not a folder'],
    ['a file where the folder should be created', failure('EEXIST'), 'a part of the path is a file, not a folder'],
    ['a folder it may not write', failure('EACCES'), 'permission denied'],
    ['a read-only file system', failure('EROFS'), 'the file system is read-only'],
    ['a file SQLite cannot open', failure('SQLITE_CANTOPEN'), 'the file cannot be opened (is its folder writable?)'],
    ['a file that is not a database', failure('SQLITE_NOTADB'), 'the file is not a SQLite database'],
    ['anything else, by its message', failure('SQLITE_IOERR', 'disk I/O error'), 'disk I/O error'],
  ])('names SQLITE_PATH and the path for %s, and does not retry', (_case, error, reason) => {
    expect(explainOpenFailure(error, sqlite)).toEqual({
      problem: `SQLITE_PATH: cannot open /srv/ladder/data/ladder.sqlite: ${reason}. Set SQLITE_PATH to a file in a folder the bot can write to.`,
      retry: false,
    });
  });

  it('names a missing PostgreSQL database, with the command that creates it, and does not retry', () => {
    expect(explainOpenFailure(failure('3D000', 'database "ladder" does not exist'), postgres(URL_WITH_PASSWORD))).toEqual({
      problem: 'DATABASE_URL: PostgreSQL at db.example.org:6543 has no database "ladder". Create it (createdb ladder) or name an existing one.',
      retry: false,
    });
  });

  it.each(['28P01', '28000'])('names the user PostgreSQL refused (%s), never the password, and does not retry', (code) => {
    const { problem, retry } = explainOpenFailure(failure(code, 'password authentication failed for user "ladder"'), postgres(URL_WITH_PASSWORD));
    expect(problem).toBe('DATABASE_URL: PostgreSQL at db.example.org:6543 refused user "ladder" (password authentication failed for user "ladder"). Check the user and password.');
    expect(problem).not.toContain('s3cret');
    expect(retry).toBe(false);
  });

  it.each<[string, Error, string]>([
    ['a refused connection', failure('ECONNREFUSED'), 'connection refused (is PostgreSQL running and listening there?)'],
    ['an unknown host (a container not up yet)', failure('ENOTFOUND'), 'no such host'],
    ['a name not resolved yet', failure('EAI_AGAIN'), 'the host name could not be resolved yet'],
    ['a server starting up', failure('57P03', 'the database system is starting up'), 'the server is starting up'],
    ['a connection that timed out', new Error('timeout expired'), 'no answer in time'],
  ])('retries %s, naming the host and port', (_case, error, reason) => {
    expect(explainOpenFailure(error, postgres(URL_WITH_PASSWORD))).toEqual({ problem: `DATABASE_URL: cannot reach PostgreSQL at db.example.org:6543: ${reason}`, retry: true });
  });

  it('assumes the default port and shows an unexpected refusal without the password', () => {
    const { problem, retry } = explainOpenFailure(failure('XX000', 'could not use postgres://ladder:s3cret-pw@db/ladder'), postgres('postgres://ladder:s3cret-pw@db/ladder'));
    expect(problem).toBe('DATABASE_URL: cannot open database "ladder" at db:5432: could not use postgres://ladder:***@db/ladder');
    expect(retry).toBe(false);
  });
});

describe('openDataSource', () => {
  let closed: Server;
  let port: number;

  beforeAll(async () => {
    // A port that was just free: nothing listens there, so a connection is refused.
    closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
  });

  it('waits for a database that refuses connections, a line per retry, then gives up saying how often it tried', async () => {
    const database = postgres(`postgres://ladder:s3cret-pw@127.0.0.1:${port}/ladder`);
    const warnings: string[] = [];
    const waits: number[] = [];
    const opened = openDataSource(buildDataSourceOptions(database), database, { warn: (line) => warnings.push(line), wait: async (ms) => void waits.push(ms) });

    await expect(opened).rejects.toThrow(new DatabaseOpenError(`DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused (is PostgreSQL running and listening there?) (gave up after 3 attempts)`));
    expect(waits).toEqual([2000, 2000]);
    expect(warnings).toEqual([
      `DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused (is PostgreSQL running and listening there?); retrying in 2 s (attempt 2 of 3)`,
      `DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused (is PostgreSQL running and listening there?); retrying in 2 s (attempt 3 of 3)`,
    ]);
  });

  it('stops at once on a SQLite path it cannot create, without waiting', async () => {
    const database: DatabaseConfig = { ...sqlite, path: `${__filename}/ladder.sqlite` };
    const waits: number[] = [];
    const opened = openDataSource(buildDataSourceOptions(database), database, { warn: () => undefined, wait: async (ms) => void waits.push(ms) });

    await expect(opened).rejects.toThrow(`SQLITE_PATH: cannot open ${__filename}/ladder.sqlite: a part of the path is a file, not a folder.`);
    expect(waits).toEqual([]);
  });
});
