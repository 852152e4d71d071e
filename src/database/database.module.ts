import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ConnectionPool } from './connection-pool';
import { buildDataSourceOptions } from './data-source-options';
import { QueryCounter } from './query-counter';
import { Sql } from './sql';
import { WriteListeners } from './write-listeners';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    const queryCounter = new QueryCounter();
    const writeListeners = new WriteListeners();
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(buildDataSourceOptions(database, { migrationsRun: true, logger: queryCounter }))],
      providers: [{ provide: QueryCounter, useValue: queryCounter }, { provide: WriteListeners, useValue: writeListeners }, ConnectionPool, Sql],
      exports: [QueryCounter, WriteListeners, ConnectionPool, Sql],
    };
  }
}
