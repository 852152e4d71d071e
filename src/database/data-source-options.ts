import { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './entities';
import { useUtcTimestamps } from './postgres-utc';

export interface DataSourceBuildOptions {
  logger?: TypeOrmLogger;
}

/** The one place TypeORM is configured: shared by the application, the TypeORM CLI and the tests. */
export function buildDataSourceOptions(database: DatabaseConfig, options: DataSourceBuildOptions = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger: options.logger,
  } as const;

  if (database.driver === 'sqlite') {
    return { ...common, type: 'better-sqlite3', database: database.path, enableWAL: true, timeout: database.statementTimeoutMs };
  }

  useUtcTimestamps();
  return {
    ...common,
    type: 'postgres',
    url: database.url,
    applicationName: 'ladder-bot',
    extra: {
      max: database.poolMax,
      min: database.poolMin,
      // Only connections above `min` ever idle out, so the warm ones stay open.
      idleTimeoutMillis: 60_000,
      connectionTimeoutMillis: 10_000,
      // The server cancels a statement past the limit; keep-alive notices a network that went silent.
      statement_timeout: database.statementTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      options: '-c TimeZone=UTC',
    },
  };
}
