import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';

/**
 * Runs `work` on a connection of its own with PostgreSQL's statement time limit lifted: migrations and
 * the boot load may take longer than any command should.
 */
export async function withoutStatementTimeout<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const postgres = dataSource.options.type === 'postgres';
  try {
    if (postgres) await runner.query('SET statement_timeout = 0');
    return await work(runner);
  } finally {
    const failedReset = postgres ? await runner.query('RESET statement_timeout').then(() => undefined, (error: Error) => error) : undefined;
    // A connection whose limit could not be restored must never serve a command: the pool drops it.
    if (failedReset) await (runner as QueryRunner & { releasePostgresConnection(error: Error): Promise<void> }).releasePostgresConnection(failedReset);
    else await runner.release();
  }
}

export function runMigrations(dataSource: DataSource): Promise<unknown> {
  return withoutStatementTimeout(dataSource, (runner) => new MigrationExecutor(dataSource, runner).executePendingMigrations());
}
