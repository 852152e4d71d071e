import { INestApplicationContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../app.module';
import { AppConfig } from '../../config/app-config';
import { Sql } from '../../database/sql';
import { ProfileViews } from '../../modules/players/profile-views';
import { NaiveEntryGuard } from './naive-entry.guard';
import { NaiveProfileViews } from './naive-profile-views';
import { NaiveSql } from './naive-sql';

/**
 * The bot as the founding plan's "before" built it, for the benchmark only: the same modules with
 * three providers swapped (no product setting turns this on). Static data and the player's row are
 * read at every interaction's entry, views on every use, and each log row is its own statement.
 */
export async function baselineApp(config: AppConfig): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)], providers: [{ provide: APP_GUARD, useClass: NaiveEntryGuard }] })
    .overrideProvider(ProfileViews)
    .useClass(NaiveProfileViews)
    .overrideProvider(Sql)
    .useClass(NaiveSql)
    .compile();
  moduleRef.useLogger(['error', 'warn']);
  return moduleRef.init();
}
