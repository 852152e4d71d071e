import request from 'supertest';
import { DataSource } from 'typeorm';
import { LadderMetrics } from '../src/common/metrics/ladder-metrics';
import { ConnectionPool } from '../src/database/connection-pool';
import { QueryCounter } from '../src/database/query-counter';
import { StaticDataService } from '../src/modules/static-data/static-data.service';
import { testDriver } from './support/test-database';
import { E2e, startE2e } from './support/e2e';

describe(`the application (${testDriver()})`, () => {
  let subject: E2e;

  beforeAll(async () => {
    subject = await startE2e();
  });

  afterAll(async () => {
    await subject.close();
  });

  it('answers liveness', async () => {
    const response = await request(subject.app.getHttpServer()).get('/health').expect(200);
    expect(response.body.status).toBe('ok');
  });

  it('reports each readiness check', async () => {
    const response = await request(subject.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database.status).toBe('up');
    expect(response.body.info.staticData).toMatchObject({ status: 'up', sources: expect.objectContaining({ races: { from: 'file' }, countries: { from: 'file' } }) });
    expect(response.body.info.discord).toEqual({ status: 'up', state: 'ready' });
  });

  it('applied the migrations at boot', async () => {
    const dataSource = subject.app.get(DataSource);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('filled the fallback tables from the files', async () => {
    const rows: Array<{ name: string }> = await subject.app.get(DataSource).query('SELECT name FROM static_data_snapshots ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(['countries', 'game-regions', 'game-servers', 'maps', 'races', 'regions', 'server-choice']);
  });

  it('serves static lookups after boot with zero database queries, and counts hits and misses', async () => {
    const counter = subject.app.get(QueryCounter);
    const staticData = subject.app.get(StaticDataService);
    const before = counter.total;
    const metrics = subject.app.get(LadderMetrics);
    const races = () => metrics.cacheSummary().find((cache) => cache.cache === 'static:race') ?? { hits: 0, misses: 0 };
    const statsBefore = races();

    const catalog = staticData.catalog;
    expect(catalog.race('bw_zerg')?.name).toBe('BW Zerg');
    expect(catalog.race('nope')).toBeUndefined();
    expect(catalog.country('KR')).toBeDefined();
    expect(catalog.region('EUW')).toBeDefined();
    expect(catalog.server('KOR')).toBeDefined();
    expect(catalog.map(catalog.currentSeason().maps[0].code)).toBeDefined();
    expect(catalog.chooseServer('KRJ', 'EUW').server.code).toEqual(expect.any(String));
    expect(catalog.commonCountries()).toHaveLength(50);

    expect(counter.total - before).toBe(0);
    expect(races()).toMatchObject({ hits: statsBefore.hits + 1, misses: statsBefore.misses + 1 });
  });

  it('opened and verified the pool minimum before serving (PostgreSQL), or has no pool to warm (SQLite)', async () => {
    const stats = subject.app.get(ConnectionPool).stats();
    const database = subject.config.database;
    if (database.driver === 'sqlite') {
      expect(stats).toBeNull();
    } else {
      expect(stats?.total).toBeGreaterThanOrEqual(database.poolMin);
    }
  });

  it('answers /help from memory, acknowledging at once', async () => {
    const counter = subject.app.get(QueryCounter);
    const before = counter.total;
    const alice = subject.driver.createUser('alice');
    const outcome = await alice.runCommand('help');
    expect(outcome.acknowledged).toBe(true);
    expect(alice.lastReply()).toMatch(/Brood War vs StarCraft II ladder/);
    expect(counter.total - before).toBe(0);
    expect(subject.emulator.violations()).toEqual([]);
  });

  it('counts the statements a database call really sends', async () => {
    const counter = subject.app.get(QueryCounter);
    const before = counter.total;
    await subject.app.get(DataSource).query('SELECT 1');
    await subject.app.get(DataSource).query('SELECT 2');
    expect(counter.total - before).toBe(2);
  });
});
