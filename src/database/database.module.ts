import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ConnectionPool } from './connection-pool';
import { CrashPoints, HOLD_AT } from './crash-points';
import { openDataSource } from './database-open';
import { buildDataSourceOptions } from './data-source-options';
import { QueryCounter } from './query-counter';
import { Sql, STATEMENT_TIMEOUT_MS } from './sql';
import { runMigrations } from './unbounded';
import { WriteListeners } from './write-listeners';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    const queryCounter = new QueryCounter();
    const writeListeners = new WriteListeners();
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The bot waits for a database itself (openDataSource), saying what is wrong; TypeORM's retry would not.
          useFactory: () => ({ ...buildDataSourceOptions(database, { logger: queryCounter }), toRetry: () => false }),
          dataSourceFactory: async (options) => {
            const logger = new Logger('Database');
            const dataSource = await openDataSource(options!, database, { warn: (line) => logger.warn(line) });
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: QueryCounter, useValue: queryCounter },
        { provide: WriteListeners, useValue: writeListeners },
        { provide: STATEMENT_TIMEOUT_MS, useValue: database.statementTimeoutMs },
        { provide: HOLD_AT, useValue: database.holdAt },
        CrashPoints,
        ConnectionPool,
        Sql,
      ],
      exports: [QueryCounter, WriteListeners, ConnectionPool, Sql],
    };
  }
}
