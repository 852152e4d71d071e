import request from 'supertest';
import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { PROCESSING_LABEL } from '../src/common/render/disabled-components';
import { FixtureModule, FixturePlayers, Gate } from './fixtures/fixture.module';
import { countDriverStatements } from './support/driver-statements';
import { E2e, startE2e } from './support/e2e';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

const ADMIN_TOKEN = 'a-long-enough-admin-token';

describe(`the interaction pipeline (${testDriver()})`, () => {
  let e2e: E2e;
  let adminId: string;
  let outcomes: InteractionOutcome[];

  beforeAll(async () => {
    e2e = await startE2e({
      imports: [FixtureModule],
      env: (driver) => {
        adminId = driver.createUser('root').id;
        return { ADMIN_TOKEN, ADMIN_DISCORD_IDS: adminId };
      },
    });
    outcomes = recordedOutcomes(e2e.app);
  });

  afterAll(async () => {
    await e2e.close();
  });

  beforeEach(() => e2e.app.get(Gate).close());
  afterEach(() => {
    e2e.app.get(Gate).open();
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const http = () => request(e2e.app.getHttpServer());
  const outcomesOf = (route: string, userId?: string) => outcomes.filter((outcome) => outcome.route === route && (userId === undefined || outcome.userId === userId));

  it('turns 20 simultaneous clicks into one effect row, 20 acknowledgements and 19 duplicates', async () => {
    const gus = e2e.driver.createUser('gus');
    await gus.runCommand('fixture');
    const statements = countDriverStatements();
    try {
      const clicks = Array.from({ length: 20 }, () => gus.clickButton('Record'));
      await waitFor('20 acknowledgements', () => outcomesOf('fixture/record', gus.id).filter((o) => o.duplicate).length === 19);
      expect(gus.visibleMessages().at(-1)).toContain(`[${PROCESSING_LABEL} (disabled)]`);
      e2e.app.get(Gate).open();
      const results = await Promise.all(clicks);

      const executed = statements.count();
      expect(results.filter((result) => result.acknowledged)).toHaveLength(20);
      expect(gus.visibleMessages().at(-1)).toMatch(/^.*Recorded$/m);
      const rows = await e2e.app.get(DataSource).query(`SELECT idempotency_key FROM player_action_logs WHERE discord_id = '${gus.id}'`);
      expect(rows).toHaveLength(1);

      const record = outcomesOf('fixture/record', gus.id);
      expect(record).toHaveLength(20);
      expect(record.filter((outcome) => outcome.duplicate)).toHaveLength(19);
      // The one statement the effect cost, seen both by the app's counter and by the driver itself.
      expect(record.reduce((sum, outcome) => sum + outcome.queries, 0)).toBe(1);
      expect(executed).toBe(1);
    } finally {
      statements.restore();
    }
  });

  it('acknowledges a command before its slow dependency resolves', async () => {
    const hal = e2e.driver.createUser('hal');
    const pending = hal.runCommand('slow');
    await waitFor('the acknowledgement', () => hal.visibleMessages().some((message) => message.includes('thinking')));
    expect(outcomesOf('/slow', hal.id)).toHaveLength(0);
    e2e.app.get(Gate).open();
    const outcome = await pending;
    expect(outcome.acknowledged).toBe(true);
    expect(hal.lastReply()).toMatch(/Slow work done/);
    const [slow] = outcomesOf('/slow', hal.id);
    expect(slow.ackMs).toBeLessThan(slow.totalMs);
  });

  it('lets the driver wait for the bot to finish an interaction, however long it stays quiet after the acknowledgement', async () => {
    const joy = e2e.driver.createUser('joy');
    let settled = false;
    const pending = joy.runCommand('slow').then((outcome) => {
      settled = true;
      return outcome;
    });
    await waitFor('the acknowledgement', () => joy.visibleMessages().some((message) => message.includes('thinking')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    e2e.app.get(Gate).open();
    expect((await pending).acknowledged).toBe(true);
    expect(joy.lastReply()).toMatch(/Slow work done/);
  });

  it('answers guards from memory, in order, with no database query', async () => {
    const ivy = e2e.driver.createUser('ivy');
    const players = e2e.app.get(FixturePlayers);
    const replies: string[] = [];
    for (const status of [
      undefined,
      { banned: false, termsAccepted: true, setupComplete: false, activity: 'idle' as const, activitySince: null, matchId: null },
      { banned: false, termsAccepted: true, setupComplete: true, activity: 'in_match' as const, activitySince: null, matchId: null },
      { banned: true, termsAccepted: true, setupComplete: true, activity: 'idle' as const, activitySince: null, matchId: null },
      { banned: false, termsAccepted: true, setupComplete: true, activity: 'idle' as const, activitySince: null, matchId: null },
    ]) {
      if (status) players.statuses.set(ivy.id, status);
      await ivy.runCommand('guarded');
      replies.push(ivy.lastReply() ?? '');
    }
    expect(replies.map((reply) => reply.split('\n')[0])).toEqual([
      expect.stringContaining('Terms of service'),
      expect.stringContaining('Setup needed'),
      expect.stringContaining('In a match'),
      expect.stringContaining('Account banned'),
      'Welcome, ready player',
    ]);
    expect(outcomesOf('/guarded').map((outcome) => outcome.queries)).toEqual([0, 0, 0, 0, 0]);
  });

  it('lets only the configured admins use admin commands', async () => {
    const joe = e2e.driver.createUser('joe');
    await joe.runCommand('adminonly');
    expect(joe.lastReply()).toMatch(/Admins only/);
    const root = e2e.driver.user('root');
    await root.runCommand('adminonly');
    expect(root.lastReply()).toMatch(/Hello admin/);
  });

  it('turns an error into a clear message with a reference, and counts it as failed', async () => {
    const kim = e2e.driver.createUser('kim');
    await kim.runCommand('broken');
    expect(kim.lastReply()).toMatch(/Something went wrong[\s\S]*may not have been saved; retrying is safe[\s\S]*reference: `[0-9a-f]{8}`/);
    expect(outcomesOf('/broken')).toEqual([expect.objectContaining({ failed: true })]);
  });

  it('refuses out-of-date and forged buttons', async () => {
    const lea = e2e.driver.createUser('lea');
    await lea.runCommand('stale');
    await lea.clickButton('Bad step');
    expect(lea.lastReply()).toMatch(/No longer valid/);
    await lea.clickButton('Retired');
    expect(lea.lastReply()).toMatch(/No longer valid/);
    expect(outcomesOf('unknown')).toHaveLength(1);
  });

  it('counts Discord API errors by code', async () => {
    const max = e2e.driver.createUser('max');
    await max.runCommand('fixture');
    e2e.emulator.faults.inject({ kind: 'unknown-interaction', route: /\/interactions\/\d+\/[^/]+\/callback/, times: 1 });
    await max.clickButton('DM me').catch(() => undefined);
    await waitFor('the failure to be recorded', () => outcomesOf('fixture/dm').length === 1);
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/ladder_discord_api_errors_total\{code="10062"\} 1/);
  });

  describe('over HTTP', () => {
    it('keeps /metrics open and counts each interaction by route', async () => {
      const count = (text: string, metric: string, route: string) => Number(new RegExp(`${metric}\\{route="${route}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      const before = (await http().get('/metrics').expect(200)).text;
      e2e.app.get(Gate).open();
      await e2e.driver.createUser('zoe').runCommand('slow');
      const after = (await http().get('/metrics').expect(200)).text;
      for (const metric of ['ladder_interactions_total', 'ladder_interaction_ack_seconds_count', 'ladder_db_queries_per_interaction_count']) {
        expect(count(after, metric, '/slow') - count(before, metric, '/slow')).toBe(1);
      }
      expect(after).toMatch(/process_cpu_seconds_total/);
    });

    it.each([
      ['GET', '/admin/stats'],
      ['GET', '/admin/pool'],
      ['POST', '/admin/static/reload'],
    ])('refuses %s %s without the token or with a wrong one', async (method, path) => {
      const call = () => (method === 'GET' ? http().get(path) : http().post(path));
      await call().expect(401);
      await call().set('Authorization', 'Bearer wrong-token').expect(401);
      await call().set('Authorization', `Basic ${ADMIN_TOKEN}`).expect(401);
      await call().set('Authorization', `Bearer ${ADMIN_TOKEN}x`).expect(401);
    });

    it('summarises each route, the caches and the double-click rate for admins', async () => {
      type RouteStats = { route: string; count: number; duplicates: number; ack_ms: object; total_ms: { p50: number; p99: number } };
      const stats = async () => (await http().get('/admin/stats').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200)).body;
      const recordOf = (body: { routes: RouteStats[] }) => body.routes.find((route) => route.route === 'fixture/record') ?? { count: 0, duplicates: 0 };
      const before = recordOf(await stats());
      const uma = e2e.driver.createUser('uma');
      await uma.runCommand('fixture');
      const clicks = Array.from({ length: 4 }, () => uma.clickButton('Record'));
      await waitFor('4 acknowledgements', () => outcomesOf('fixture/record', uma.id).filter((o) => o.duplicate).length === 3);
      e2e.app.get(Gate).open();
      await Promise.all(clicks);

      const response = { body: await stats() };
      const record = recordOf(response.body) as RouteStats;
      expect({ count: record.count - before.count, duplicates: record.duplicates - before.duplicates }).toEqual({ count: 4, duplicates: 3 });
      expect(record.ack_ms).toEqual({ p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number) });
      expect(record.total_ms.p99).toBeGreaterThanOrEqual(record.total_ms.p50);
      expect(response.body.double_click_rate).toBeGreaterThan(0);
      expect(response.body.double_click_rate).toBeLessThan(1);
      expect(response.body.caches).toEqual(expect.any(Array));
    });

    it('shows the pool', async () => {
      const response = await http().get('/admin/pool').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
      if (testDriver() === 'sqlite') {
        expect(response.body).toEqual({ driver: 'sqlite', pool: null });
      } else {
        expect(response.body.driver).toBe('postgres');
        expect(response.body.pool.total).toBeGreaterThanOrEqual(1);
        expect(Object.values(response.body.server_connections).reduce((a, b) => Number(a) + Number(b), 0)).toBeGreaterThanOrEqual(1);
      }
    });

    it('reloads the static data and says what it loaded', async () => {
      const response = await http().post('/admin/static/reload').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
      expect(response.body.reloaded).toMatchObject({ races: 6, maps: 9, regions: 16 });
      expect(response.body.sources.races).toEqual({ from: 'file' });
    });
  });
});

describe(`the admin API without ADMIN_TOKEN (${testDriver()})`, () => {
  let e2e: E2e;

  beforeAll(async () => {
    e2e = await startE2e();
  });

  afterAll(async () => {
    await e2e.close();
  });

  it('does not exist, rather than being open', async () => {
    await request(e2e.app.getHttpServer()).get('/admin/stats').expect(404);
    await request(e2e.app.getHttpServer()).get('/admin/stats').set('Authorization', 'Bearer anything-at-all-here').expect(404);
    await request(e2e.app.getHttpServer()).get('/health').expect(200);
  });
});
