import { Test, TestingModule } from '@nestjs/testing';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testDriver } from '../../../test/support/test-database';
import { testConfig } from '../../../test/support/test-config';
import { ClockModule } from '../../common/clock/clock.module';
import { MetricsModule } from '../../common/metrics/metrics.module';
import { DEFAULT_STATIC_DATA_DIR } from '../../config/env.schema';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { StaticDataError } from './domain/static-data.errors';
import { StaticDataModule } from './static-data.module';
import { StaticDataService } from './static-data.service';

describe(`static data loading (${testDriver()})`, () => {
  let database: TestDatabase;
  let dir: string;
  let moduleRef: TestingModule | undefined;

  beforeEach(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'ladder-static-'));
    cpSync(DEFAULT_STATIC_DATA_DIR, dir, { recursive: true });
  });

  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function boot(): Promise<StaticDataService> {
    const config = testConfig(database.config, { STATIC_DATA_DIR: dir });
    const ref = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ClockModule, MetricsModule, DatabaseModule.forRoot(config.database), StaticDataModule],
    }).compile();
    try {
      await ref.init();
    } catch (error) {
      await ref.get(DataSource).destroy();
      throw error;
    }
    moduleRef = ref;
    return ref.get(StaticDataService);
  }

  function breakMapsFile(): void {
    const maps = JSON.parse(readFileSync(join(dir, 'maps.json'), 'utf8'));
    maps.seasons[0].maps[2].ids.EU = 'not a number';
    writeFileSync(join(dir, 'maps.json'), JSON.stringify(maps));
  }

  async function snapshotNames(): Promise<string[]> {
    const rows: Array<{ name: string }> = await moduleRef!.get(DataSource).query('SELECT name FROM static_data_snapshots ORDER BY name');
    return rows.map((row) => row.name);
  }

  it('loads every file and copies each into the database', async () => {
    const service = await boot();
    expect(Object.values(service.status().sources)).toEqual(Array(7).fill({ from: 'file' }));
    expect(await snapshotNames()).toEqual(['countries', 'game-regions', 'game-servers', 'maps', 'races', 'regions', 'server-choice']);
    expect(service.catalog.races()).toHaveLength(6);
  });

  it('refuses to boot on a broken file with no database copy, naming the file and the field', async () => {
    breakMapsFile();
    const error = await boot().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StaticDataError);
    expect((error as StaticDataError).file).toBe('maps');
    expect((error as StaticDataError).field).toBe('seasons[0].maps[2].ids.EU');
    expect((error as Error).message).toContain(`${dir}/maps.json: seasons[0].maps[2].ids.EU: `);
  });

  it('falls back to the database copy of a broken file, and keeps the others from their files', async () => {
    const service = await boot();
    const mapsBefore = service.catalog.currentSeason().maps.map((map) => map.code);
    breakMapsFile();
    await service.reload();
    expect(service.status().sources.maps).toEqual({ from: 'database', reason: expect.stringMatching(/maps\.json: seasons\[0\]\.maps\[2\]\.ids\.EU: .*using the copy saved/) });
    expect(service.status().sources.races).toEqual({ from: 'file' });
    expect(service.catalog.currentSeason().maps.map((map) => map.code)).toEqual(mapsBefore);
  });

  it('falls back to the database copy of a missing file', async () => {
    const service = await boot();
    unlinkSync(join(dir, 'countries.json'));
    await service.reload();
    expect(service.status().sources.countries).toEqual({ from: 'database', reason: expect.stringContaining(`${dir}/countries.json: (file): file not found`) });
    expect(service.catalog.country('KR')?.name).toEqual(expect.any(String));
  });

  it('names the folder it read when STATIC_DATA_DIR points nowhere, and boots on nothing else', async () => {
    rmSync(dir, { recursive: true, force: true });
    const error = await boot().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StaticDataError);
    expect((error as Error).message).toBe(`${dir}/races.json: (file): no folder at ${dir} (STATIC_DATA_DIR)`);
  });

  it('keeps serving the previous data when a reload fails', async () => {
    const service = await boot();
    const before = service.catalog;
    await moduleRef!.get(DataSource).query('DELETE FROM static_data_snapshots');
    breakMapsFile();
    await expect(service.reload()).rejects.toBeInstanceOf(StaticDataError);
    expect(service.catalog).toBe(before);
    expect(service.status().sources.maps).toEqual({ from: 'file' });
  });

  it('swaps in edited files on reload and refreshes their database copy', async () => {
    const service = await boot();
    const races = JSON.parse(readFileSync(join(dir, 'races.json'), 'utf8'));
    races.races[0].name = 'Brood War Terran';
    writeFileSync(join(dir, 'races.json'), JSON.stringify(races));
    const { counts } = await service.reload();
    expect(counts.races).toBe(6);
    expect(service.catalog.race(races.races[0].code)?.name).toBe('Brood War Terran');
    const stored: Array<{ content: string }> = await moduleRef!.get(DataSource).query("SELECT content FROM static_data_snapshots WHERE name = 'races'");
    expect(JSON.parse(stored[0].content).races[0].name).toBe('Brood War Terran');
  });

  describe('files that are each valid but disagree', () => {
    function pointOverrideAtUnknownRegion(): void {
      const path = join(dir, 'server-choice.json');
      const choice = JSON.parse(readFileSync(path, 'utf8'));
      choice.overrides[0].regions[0] = 'ZZZ';
      writeFileSync(path, JSON.stringify(choice));
    }

    it('uses the last consistent set from the database, whole, on reload, and says why for every file', async () => {
      const service = await boot();
      const races = JSON.parse(readFileSync(join(dir, 'races.json'), 'utf8'));
      races.races[0].name = 'Edited but not used';
      writeFileSync(join(dir, 'races.json'), JSON.stringify(races));
      pointOverrideAtUnknownRegion();

      const { sources } = await service.reload();
      for (const source of Object.values(sources)) {
        expect(source).toEqual({ from: 'database', reason: expect.stringMatching(/disagree with each other \(.*server-choice\.json.*ZZZ.*\); using the last consistent set/) });
      }
      expect(service.catalog.race(races.races[0].code)?.name).not.toBe('Edited but not used');
      const stored: Array<{ content: string }> = await moduleRef!.get(DataSource).query("SELECT content FROM static_data_snapshots WHERE name = 'races'");
      expect(JSON.parse(stored[0].content).races[0].name).not.toBe('Edited but not used');
    });

    it('boots on the last consistent set', async () => {
      await boot();
      await moduleRef!.close();
      moduleRef = undefined;
      pointOverrideAtUnknownRegion();
      const service = await boot();
      expect(service.status().sources['server-choice']).toEqual({ from: 'database', reason: expect.stringMatching(/disagree/) });
      expect(service.catalog.chooseServer('NAW', 'KRJ').server.code).toEqual(expect.any(String));
    });

    it('refuses to boot on an inconsistent set with no database copy, naming the problem', async () => {
      pointOverrideAtUnknownRegion();
      await expect(boot()).rejects.toThrow(/server-choice\.json.*ZZZ/);
    });
  });
});
