import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';

/** Why the database could not be opened, naming the setting to fix; `retry` when it may only not be up yet. */
export interface OpenFailure {
  problem: string;
  retry: boolean;
}

/** A database the bot cannot open: the start stops with this message, which names what to fix. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is PostgreSQL running and listening there?)',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'no answer',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved yet',
  // PostgreSQL's own code for a server that is starting up or shutting down.
  '57P03': 'the server is starting up',
};

const SQLITE_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  SQLITE_CANTOPEN: 'the file cannot be opened (is its folder writable?)',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_READONLY: 'the file is read-only',
};

function server(url: string): { at: string; database: string; user: string; masked: (text: string) => string } {
  const parsed = new URL(url);
  const secrets = [parsed.password, decodeURIComponent(parsed.password)].filter(Boolean);
  return {
    at: `${parsed.hostname}:${parsed.port || '5432'}`,
    database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username),
    user: decodeURIComponent(parsed.username) || '(default user)',
    // A driver's message may quote the URL: its password never reaches a log.
    masked: (text) => secrets.reduce((shown, secret) => shown.split(secret).join('***'), text),
  };
}

export function explainOpenFailure(error: unknown, database: DatabaseConfig): OpenFailure {
  const { code = '', message = String(error) } = error as { code?: string; message?: string };
  if (database.driver === 'sqlite') {
    const reason = SQLITE_REASONS[code] ?? message;
    return { problem: `SQLITE_PATH: cannot open ${database.path}: ${reason}. Set SQLITE_PATH to a file in a folder the bot can write to.`, retry: false };
  }
  const { at, database: name, user, masked } = server(database.url);
  if (code === '3D000') {
    return { problem: `DATABASE_URL: PostgreSQL at ${at} has no database "${name}". Create it (createdb ${name}) or name an existing one.`, retry: false };
  }
  if (code === '28P01' || code === '28000') {
    return { problem: `DATABASE_URL: PostgreSQL at ${at} refused user "${user}" (${masked(message)}). Check the user and password.`, retry: false };
  }
  const networkReason = NETWORK_REASONS[code] ?? (/timeout/i.test(message) ? 'no answer in time' : undefined);
  if (networkReason) return { problem: `DATABASE_URL: cannot reach PostgreSQL at ${at}: ${networkReason}`, retry: true };
  return { problem: `DATABASE_URL: cannot open database "${name}" at ${at}: ${masked(message)}`, retry: false };
}

export interface OpenOptions {
  warn: (line: string) => void;
  wait?: (ms: number) => Promise<void>;
}

/**
 * Opens the database, waiting for one that is not up yet (`connect.attempts`, `connect.retryMs`) with a
 * line per retry; a refusal that waiting cannot cure stops at once. Either way the error says what to fix.
 */
export async function openDataSource(options: DataSourceOptions, database: DatabaseConfig, { warn, wait = sleep }: OpenOptions): Promise<DataSource> {
  const { attempts, retryMs } = database.connect;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await new DataSource(options).initialize();
    } catch (error) {
      const { problem, retry } = explainOpenFailure(error, database);
      if (!retry) throw new DatabaseOpenError(problem);
      if (attempt >= attempts) throw new DatabaseOpenError(`${problem} (gave up after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`);
      warn(`${problem}; retrying in ${retryMs / 1000} s (attempt ${attempt + 1} of ${attempts})`);
      await wait(retryMs);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
