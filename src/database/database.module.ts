import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ConnectionPool } from './connection-pool';
import { CrashPoints, HOLD_AT } from './crash-points';
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
          useFactory: () => buildDataSourceOptions(database, { logger: queryCounter }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
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
