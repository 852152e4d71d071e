import { Logger } from '@nestjs/common';
import { IncomingMessage, request as httpRequest } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readTime } from '../src/database/sql';
import { DriverUser } from '../src/emulator';
import { MatchDeadlines } from '../src/modules/matches/match-deadlines';
import { MatchesRepository } from '../src/modules/matches/matches.repository';
import { MatchTally } from '../src/modules/matches/match-tally';
import { OpenMatches } from '../src/modules/matches/open-matches';
import { countDriverStatements } from './support/driver-statements';
import { E2e, startE2e } from './support/e2e';
import { FoundMatch, LadderPlay } from './support/ladder-play';
import { ManualClock } from './support/manual-clock';
import { testDriver } from './support/test-database';

const ADMIN_TOKEN = 'an-admin-token-long-enough';
const BODY_LIMIT = 2048;

describe(`the admin HTTP API: players, matches, the queue, the audit trail, the community (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  let play: LadderPlay;
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  const session: { completed?: FoundMatch; conflict?: FoundMatch; aborted?: FoundMatch; timedOut?: FoundMatch; queued?: DriverUser; newcomer?: DriverUser } = {};

  beforeAll(async () => {
    e2e = await startE2e({
      clock,
      env: (driver) => {
        admin = driver.createUser('overseer', { admin: true });
        return { ADMIN_TOKEN, ADMIN_DISCORD_IDS: admin.id, ADMIN_CHANNEL_ID: driver.emulator.adminChannelId, HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT) };
      },
    });
    play = new LadderPlay(e2e, clock);
    await scriptedSession();
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const http = () => request(e2e.app.getHttpServer());
  const get = (path: string) => http().get(path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  const db = () => e2e.app.get(DataSource);

  /** A day on the ladder: one match completed, one in conflict, one aborted, one timed out, one player queued, one who only accepted the terms. */
  async function scriptedSession(): Promise<void> {
    session.completed = await play.played(await play.player('Ann'), await play.player('Bob'));
    await play.report(session.completed.bw, session.completed.dm.bw, 'I won');
    await play.report(session.completed.sc2, session.completed.dm.sc2, 'I lost');

    session.conflict = await play.played(await play.player('Cid'), await play.player('Dee'));
    await play.report(session.conflict.bw, session.conflict.dm.bw, 'I won');
    await play.report(session.conflict.sc2, session.conflict.dm.sc2, 'I won');

    session.aborted = await play.matched(await play.player('Eve'), await play.player('Fay'));
    await session.aborted.bw.clickButton('Abort (3 of 3 left this month)', { messageId: session.aborted.dm.bw });
    await session.aborted.bw.clickButton('Confirm abort', { messageId: session.aborted.dm.bw });

    session.timedOut = await play.matched(await play.player('Gus'), await play.player('Hal'));
    clock.advance(e2e.config.ladder.confirmSeconds * 1000 + 1000);
    await e2e.app.get(MatchDeadlines).fireDue();

    session.queued = await play.player('Ivy');
    await play.queue(session.queued, { bw: 'bw_protoss', sc2: 'sc2_zerg' });

    session.newcomer = e2e.driver.createUser('newcomer');
    await session.newcomer.runCommand('termsofservice');
    await session.newcomer.clickButton('Accept');
  }

  describe('the token', () => {
    it.each([
      ['GET', '/admin/players/12345678901234567'],
      ['GET', '/admin/matches/1'],
      ['GET', '/admin/queue'],
      ['GET', '/admin/actions'],
      ['GET', '/admin/stats'],
      ['POST', '/admin/static/reload'],
    ])('is required on %s %s, and a wrong one refused', async (method, path) => {
      const call = () => (method === 'GET' ? http().get(path) : http().post(path));
      for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', `Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`]) {
        const response = await (authorization ? call().set('Authorization', authorization) : call());
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'A valid admin token is required' });
      }
    });

    it('is checked before any body is read: a malformed or oversized body without it is simply unauthorised', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      await http().post('/admin/static/reload').set('Content-Type', 'application/json').send('{"broken": ').expect(401);
      await http().post('/admin/static/reload').set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT * 4) })).expect(401);
      expect(warn).not.toHaveBeenCalled();
    });
  });

  describe('request hygiene', () => {
    it('refuses an oversized body with 413 and one warning line, no stack trace', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      const error = jest.spyOn(Logger.prototype, 'error');
      const response = await http()
        .post('/admin/static/reload')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT * 4) }));
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: `The body (${BODY_LIMIT * 4 + 10} bytes) is over the ${BODY_LIMIT}-byte limit` });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toBe(`Refused POST /admin/static/reload: The body (${BODY_LIMIT * 4 + 10} bytes) is over the ${BODY_LIMIT}-byte limit`);
      expect(error).not.toHaveBeenCalled();
    });

    it('refuses a body that grows past the limit without saying its length (chunked) with 413', async () => {
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const server = e2e.app.getHttpServer();
        const { port } = server.address() as { port: number };
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/admin/static/reload', method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
          (res: IncomingMessage) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 8; i += 1) req.write('x'.repeat(BODY_LIMIT / 2));
        req.end();
      });
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toEqual({ statusCode: 413, error: 'Payload Too Large', message: `The body is over the ${BODY_LIMIT}-byte limit` });
    });

    it('refuses malformed JSON with 400 and a non-JSON body with 415, each with one warning line', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      const error = jest.spyOn(Logger.prototype, 'error');
      const malformed = await get('/admin/queue').set('Content-Type', 'application/json').send('{"limit": 5,');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^The body is not valid JSON: /) });
      const text = await http().post('/admin/static/reload').set('Authorization', `Bearer ${ADMIN_TOKEN}`).set('Content-Type', 'text/plain').send('reload please');
      expect(text.status).toBe(415);
      expect(text.body).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: 'The body must be JSON, sent as Content-Type: application/json' });
      expect(warn.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/^Refused GET \/admin\/queue: The body is not valid JSON/), 'Refused POST /admin/static/reload: The body must be JSON, sent as Content-Type: application/json']);
      expect(error).not.toHaveBeenCalled();
    });

    it('still takes a small JSON body, and never names the framework', async () => {
      const response = await http().post('/admin/static/reload').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ note: 'after editing maps' }).expect(200);
      expect(response.body.reloaded).toMatchObject({ races: 6 });
      for (const path of ['/admin/queue', '/health', '/metrics', '/no-such-route']) {
        const any = await get(path);
        expect(any.headers['x-powered-by']).toBeUndefined();
      }
    });
  });

  describe('GET /admin/players/:discordId', () => {
    it('shows the profile, ratings with ranks, state, aborts and recent matches', async () => {
      const { completed, aborted } = session;
      const winner = await get(`/admin/players/${completed!.bw.id}`).expect(200);
      expect(winner.body).toMatchObject({
        discord_id: completed!.bw.id,
        player_name: expect.stringMatching(/^Ann/),
        battletag: expect.stringMatching(/^Ann\w+#1234$/),
        country: 'DE',
        region: 'EUW',
        terms: { accepted: true, version: e2e.config.terms.version },
        banned: false,
        state: { activity: 'idle', since: null, match_id: null },
        queue: null,
        aborts: { used_this_month: 0, left: 3, per_month: 3 },
        ratings: [{ race: 'bw_zerg', race_name: 'BW Zerg', rating: 1520, games: { played: 1, won: 1, lost: 0, drawn: 0 }, rank: { position: 1, letter: expect.any(String), of: 2 } }],
        matches_completed: 1,
        recent_matches: [
          {
            match_id: completed!.matchId,
            race: 'bw_zerg',
            rating_at_creation: 1500,
            opponent: { discord_id: completed!.sc2.id, name: expect.stringMatching(/^Bob/), race: 'sc2_terran' },
            outcome: 'won',
            rating_change: 20,
          },
        ],
      });
      const aborter = await get(`/admin/players/${aborted!.bw.id}`).expect(200);
      expect(aborter.body).toMatchObject({ aborts: { used_this_month: 1, left: 2, per_month: 3 }, ratings: [], recent_matches: [], matches_completed: 0 });
    });

    it('shows a queued player\'s search, with the waves waited', async () => {
      const response = await get(`/admin/players/${session.queued!.id}`).expect(200);
      expect(response.body).toMatchObject({
        state: { activity: 'queued', since: expect.any(String) },
        queue: { discord_id: session.queued!.id, bw: { race: 'bw_protoss', rating: 1500 }, sc2: { race: 'sc2_zerg', rating: 1500 }, vetoes: [], wait_count: 1 },
      });
    });

    it('answers from memory once the player\'s details were read', async () => {
      await get(`/admin/players/${session.completed!.sc2.id}`).expect(200);
      const statements = countDriverStatements();
      try {
        await get(`/admin/players/${session.completed!.sc2.id}`).expect(200);
        await get(`/admin/players/${session.completed!.sc2.id}`).expect(200);
        expect(statements.count()).toBe(0);
      } finally {
        statements.restore();
      }
    });

    it('answers 404 for someone with no ladder record, and 400 naming the parameter for a malformed id', async () => {
      expect((await get('/admin/players/12345678901234567').expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No player has the Discord id 12345678901234567' });
      for (const id of ['bob', '123', '1234567890123456789012', '12345678901234567x', "1'%20OR%20'1'='1"]) {
        expect((await get(`/admin/players/${id}`).expect(400)).body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          parameter: 'discordId',
          message: 'discordId must be a Discord id (17 to 20 digits)',
        });
      }
    });
  });

  describe('GET /admin/matches/:id', () => {
    it('shows the whole match: players, races, ratings at creation, confirmations, reports, result, changes and deadlines', async () => {
      const { completed } = session;
      const response = await get(`/admin/matches/${completed!.matchId}`).expect(200);
      const row = (await db().query(`SELECT * FROM matches_1v1 WHERE id = ${completed!.matchId}`))[0];
      expect(response.body).toMatchObject({
        id: completed!.matchId,
        status: 'completed',
        result: 'player_1',
        players: [
          { side: 1, game: 'bw', discord_id: completed!.bw.id, race: 'bw_zerg', race_name: 'BW Zerg', rating_at_creation: 1500, confirmed_at: expect.any(String), report: 'won', report_rev: 1, rating_change: 20 },
          { side: 2, game: 'sc2', discord_id: completed!.sc2.id, race: 'sc2_terran', race_name: 'SC2 Terran', rating_at_creation: 1500, confirmed_at: expect.any(String), report: 'lost', report_rev: 1, rating_change: -20 },
        ],
        map: { code: row.map_code, name: expect.any(String) },
        server: { code: row.server_code, name: expect.any(String) },
        aborted_by: null,
        resolved_by: null,
        deadlines: { confirm: expect.any(String), report: expect.any(String) },
        completed_at: expect.any(String),
      });
      expect(new Date(response.body.deadlines.confirm).getTime()).toBe(readTime(row.confirm_deadline)!.getTime());
    });

    it('names the aborter of an aborted match and shows a timed-out one as it lapsed', async () => {
      const aborted = (await get(`/admin/matches/${session.aborted!.matchId}`).expect(200)).body;
      expect(aborted).toMatchObject({ status: 'aborted', aborted_by: { discord_id: session.aborted!.bw.id }, result: null });
      const lapsed = (await get(`/admin/matches/${session.timedOut!.matchId}`).expect(200)).body;
      expect(lapsed).toMatchObject({ status: 'timed_out', players: [{ confirmed_at: null }, { confirmed_at: null }] });
    });

    it('answers an open or lately ended match from memory', async () => {
      const statements = countDriverStatements();
      try {
        await get(`/admin/matches/${session.conflict!.matchId}`).expect(200);
        expect(statements.count()).toBe(0);
      } finally {
        statements.restore();
      }
    });

    it('answers 404 for an unknown id, and 400 naming the parameter for a malformed one', async () => {
      expect((await get('/admin/matches/999999').expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: 'There is no match #999999' });
      for (const id of ['abc', '0', '-1', '1.5', '2147483648', '1e3']) {
        expect((await get(`/admin/matches/${id}`).expect(400)).body).toEqual({ statusCode: 400, error: 'Bad Request', parameter: 'id', message: 'id must be a whole number from 1 to 2147483647' });
      }
    });
  });

  describe('GET /admin/queue', () => {
    it('lists who is queued, their races, since when and waves waited, from memory', async () => {
      const statements = countDriverStatements();
      try {
        const response = await get('/admin/queue').expect(200);
        expect(statements.count()).toBe(0);
        expect(response.body).toEqual({
          size: 1,
          population: { bw: 1, sc2: 1 },
          wave_seconds: e2e.config.matchmaking.waveSeconds,
          entries: [
            {
              player_id: expect.any(Number),
              discord_id: session.queued!.id,
              name: expect.stringMatching(/^Ivy/),
              bw: { race: 'bw_protoss', race_name: 'BW Protoss', rating: 1500 },
              sc2: { race: 'sc2_zerg', race_name: 'SC2 Zerg', rating: 1500 },
              vetoes: [],
              joined_at: clock.now().toISOString(),
              wait_count: 1,
            },
          ],
        });
        clock.advance(2 * e2e.config.matchmaking.waveSeconds * 1000);
        expect((await get('/admin/queue').expect(200)).body.entries[0].wait_count).toBe(3);
      } finally {
        statements.restore();
      }
    });
  });

  describe('the community figures', () => {
    it('count the session in /admin/stats, and /metrics shows the same, neither touching the database', async () => {
      const statements = countDriverStatements();
      try {
        const stats = (await get('/admin/stats').expect(200)).body;
        expect(stats.community).toEqual({
          players_registered: 10,
          terms_accepted: 10,
          setups_completed: 9,
          queued_now: { bw: 1, sc2: 1 },
          matches_today: 4,
          matches_this_week: 4,
          conflicts_open: 1,
          aborts_this_week: 1,
          timeouts_this_week: 1,
        });
        const metrics = (await http().get('/metrics').expect(200)).text;
        for (const line of [
          'ladder_players{stage="registered"} 10',
          'ladder_players{stage="terms_accepted"} 10',
          'ladder_players{stage="setup_completed"} 9',
          'ladder_queue_size{game="bw"} 1',
          'ladder_queue_size{game="sc2"} 1',
          'ladder_matches{period="today"} 4',
          'ladder_matches{period="week"} 4',
          'ladder_conflicts_open 1',
          'ladder_match_endings_this_week{outcome="aborted"} 1',
          'ladder_match_endings_this_week{outcome="timed_out"} 1',
        ]) {
          expect(metrics.split('\n')).toContain(line);
        }
        expect(metrics).not.toMatch(/\{[^}]*\d{17,20}[^}]*\}/);
        expect(statements.count()).toBe(0);
      } finally {
        statements.restore();
      }
    });

    it('are what a fresh boot counts from the database', async () => {
      const booted = new MatchTally(e2e.app.get(MatchesRepository), new OpenMatches(e2e.app.get(MatchesRepository)), clock);
      await booted.onModuleInit();
      expect(booted.figures()).toEqual(e2e.app.get(MatchTally).figures());
    });

    it('follow an admin resolving the conflict, and the action heads the audit trail', async () => {
      await admin.runCommand('admin resolve', { match: session.conflict!.matchId, result: 'player_2', reason: 'Replay shows the SC2 player won' });
      await admin.clickButton('Confirm', { messageId: e2e.driver.lastReply(admin.id)!.message.id });
      expect((await get('/admin/stats').expect(200)).body.community).toMatchObject({ conflicts_open: 0, matches_today: 4 });
      const { actions } = (await get('/admin/actions').expect(200)).body;
      expect(actions[0]).toMatchObject({
        action: 'resolve_match',
        admin_discord_id: admin.id,
        target_match_id: session.conflict!.matchId,
        reason: 'Replay shows the SC2 player won',
        created_at: clock.now().toISOString(),
      });
      expect((await get(`/admin/matches/${session.conflict!.matchId}`).expect(200)).body).toMatchObject({ status: 'completed', result: 'player_2', resolved_by: admin.id });
    });

    it('start a new day, then a new week, as the clock passes midnight UTC', async () => {
      clock.set(new Date('2026-12-03T00:00:01.000Z'));
      expect((await get('/admin/stats').expect(200)).body.community).toMatchObject({ matches_today: 0, matches_this_week: 4, aborts_this_week: 1 });
      clock.set(new Date('2026-12-07T00:00:01.000Z'));
      expect((await get('/admin/stats').expect(200)).body.community).toMatchObject({ matches_today: 0, matches_this_week: 0, aborts_this_week: 0, timeouts_this_week: 0 });
      clock.set(new Date('2026-12-02T10:10:00.000Z'));
    });
  });

  describe('GET /admin/actions', () => {
    it('pages the audit trail newest first with limit and before', async () => {
      const values = Array.from({ length: 7 }, (_, i) => `('seeded:${i}', '${admin.id}', 'rating_set', NULL, NULL, '150${i}', '1600', 'Seeded for paging', NULL, '2026-12-01 0${i}:00:00')`);
      await db().query(
        `INSERT INTO admin_actions (idempotency_key, admin_discord_id, action, target_discord_id, target_match_id, old_value, new_value, reason, details, created_at) VALUES ${values.join(', ')}`,
      );
      const all = (await get('/admin/actions?limit=200').expect(200)).body;
      expect(all.next_before).toBeNull();
      const ids: number[] = all.actions.map((action: { id: number }) => action.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(ids.length).toBe(8);

      const pages: number[][] = [];
      let before: number | null = null;
      do {
        const page: { actions: Array<{ id: number }>; next_before: number | null } = (await get(`/admin/actions?limit=3${before ? `&before=${before}` : ''}`).expect(200)).body;
        pages.push(page.actions.map((action) => action.id));
        before = page.next_before;
      } while (before !== null && pages.length < 10);
      expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
      expect(pages.flat()).toEqual(ids);
      expect((await get(`/admin/actions?before=${ids[ids.length - 1]}`).expect(200)).body).toEqual({ actions: [], next_before: null });
    });

    it('answers 400 naming the parameter for malformed paging', async () => {
      for (const [query, parameter, message] of [
        ['limit=0', 'limit', 'limit must be a whole number from 1 to 200'],
        ['limit=201', 'limit', 'limit must be a whole number from 1 to 200'],
        ['limit=ten', 'limit', 'limit must be a whole number from 1 to 200'],
        ['limit=1&limit=2', 'limit', 'limit must be a whole number from 1 to 200'],
        ['before=-4', 'before', 'before must be a whole number from 1 to 2147483647'],
        ['before=abc', 'before', 'before must be a whole number from 1 to 2147483647'],
      ]) {
        expect((await get(`/admin/actions?${query}`).expect(400)).body).toEqual({ statusCode: 400, error: 'Bad Request', parameter, message });
      }
    });
  });
});
