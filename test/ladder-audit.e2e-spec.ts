import request from 'supertest';
import { DataSource } from 'typeorm';
import { DriverUser } from '../src/emulator';
import { MatchDeadlines } from '../src/modules/matches/match-deadlines';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { E2e, startE2eWithAdmin } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { auditOf, expectWhole } from './support/ladder-audit';
import { ManualClock } from './support/manual-clock';
import { testDriver } from './support/test-database';

const ADMIN_TOKEN = 'an-admin-token-long-enough';
const placeholders = (count: number) => Array.from({ length: count }, (_, index) => (testDriver() === 'sqlite' ? '?' : `$${index + 1}`)).join(', ');
const REASON = 'Checked in the admin channel';

describe(`the ladder audit: the database against its invariants, memory against the database (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;
  let players: Record<'ann' | 'bob' | 'cid' | 'dan', DriverUser>;

  beforeAll(async () => {
    ({ e2e, admin } = await startE2eWithAdmin('auditor', { clock, env: { ADMIN_TOKEN } }));
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const db = () => e2e.app.get(DataSource);
  const one = async (query: string) => (await db().query(query))[0];

  async function act(command: string, options: Record<string, string | number | DriverUser>): Promise<void> {
    await admin.runCommand(`admin ${command}`, { reason: REASON, ...options });
    await admin.clickButton('Confirm', { messageId: e2e.driver.lastReply(admin.id)!.message.id });
    expect(admin.lastReply()).toMatch(/done|resolved|applied/i);
  }

  it('finds a whole ladder after a session with every kind of step', async () => {
    await expectWhole(e2e.app);
    const [ann, bob, cid, dan] = [await play.player('Ann'), await play.player('Bob'), await play.player('Cid'), await play.player('Dan')];
    players = { ann, bob, cid, dan };
    await ann.runCommand('setcountry', { country: 'France' });
    await ann.clickButton('Confirm');

    const completed = await play.played(ann, bob);
    await play.report(ann, completed.dm.bw, 'I won');
    await play.report(bob, completed.dm.sc2, 'I lost');

    const conflict = await play.played(cid, dan);
    await play.report(cid, conflict.dm.bw, 'I won');
    await play.report(dan, conflict.dm.sc2, 'I won');
    await act('resolve', { match: conflict.matchId, result: 'player_2' });

    const aborted = await play.matched(ann, cid);
    await ann.clickButton('Abort (3 of 3 left this month)', { messageId: aborted.dm.bw });
    await ann.clickButton('Confirm abort', { messageId: aborted.dm.bw });

    await play.matched(bob, dan);
    clock.advance(10 * 60_000);
    await e2e.app.get(MatchDeadlines).fireDue();

    await act('rating', { user: dan, race: 'sc2_terran', value: 1600 });
    await act('reset-aborts', { user: ann });
    await act('ban', { user: cid });
    await act('unban', { user: cid });
    await play.queue(bob, { bw: 'bw_zerg' });

    const report = await expectWhole(e2e.app);
    expect(report.checked).toMatchObject({ players: 4, matches: 4, queued: 1, adminActions: 5 });
    const statuses = await db().query(`SELECT status FROM matches_1v1 ORDER BY id`);
    expect(statuses.map((row: { status: string }) => row.status)).toEqual(['completed', 'completed', 'aborted', 'timed_out']);
  });

  it('catches a result applied twice, and is whole again once it is undone', async () => {
    const playerId = (await one(`SELECT id FROM players WHERE discord_id = '${players.ann.id}'`)).id;
    const apply = (sign: '+' | '-') =>
      db().query(`UPDATE mmrs_1v1 SET mmr = mmr ${sign} 20, games_played = games_played ${sign} 1, games_won = games_won ${sign} 1 WHERE player_id = ${playerId} AND race = 'bw_zerg'`);
    await apply('+');
    try {
      expect((await auditOf(e2e.app)).violations).toEqual([
        expect.stringMatching(new RegExp(`^Ann\\w* \\(${players.ann.id}\\)'s bw_zerg rating is 1540, but its 1 rating_changed rows add up to 1520$`)),
        expect.stringMatching(/bw_zerg rating counts 2 games \(2-0-0\), but 1 completed matches \(1-0-0\) were played with it$/),
        // Memory was not told: it still holds the rating as the bot wrote it.
        'memory\'s ranked rating 1 differs from the database in rating (database 1540, memory 1520), gamesPlayed (database 2, memory 1), wins (database 2, memory 1)',
      ]);
    } finally {
      await apply('-');
    }
    await expectWhole(e2e.app);
  });

  it('catches a lost log row, and is whole again once it is back', async () => {
    const row = await one(`SELECT * FROM player_action_logs WHERE action = 'match_confirmed' AND discord_id = '${players.dan.id}' ORDER BY id LIMIT 1`);
    await db().query(`DELETE FROM player_action_logs WHERE id = ${row.id}`);
    try {
      expect((await auditOf(e2e.app)).violations).toEqual(['match 2 side 2 is confirmed, with 0 match_confirmed rows']);
    } finally {
      await db().query(
        `INSERT INTO player_action_logs (id, idempotency_key, discord_id, action, setting_name, old_value, new_value, changed_by, created_at) VALUES (${placeholders(9)})`,
        [row.id, row.idempotency_key, row.discord_id, row.action, row.setting_name, row.old_value, row.new_value, row.changed_by, row.created_at],
      );
    }
    await expectWhole(e2e.app);
  });

  it('catches a stale entry in memory', async () => {
    const directory = e2e.app.get(PlayerDirectory);
    const kept = directory.get(players.bob.id)!;
    kept.battletag = 'Stale#0001';
    try {
      expect((await auditOf(e2e.app)).violations).toEqual([expect.stringMatching(new RegExp(`^memory's player ${players.bob.id} differs from the database in battletag \\(database "Bob\\w*#1234", memory "Stale#0001"\\)$`))]);
    } finally {
      kept.battletag = (await one(`SELECT battletag FROM players WHERE discord_id = '${players.bob.id}'`)).battletag;
    }
    await expectWhole(e2e.app);
  });

  it('answers GET /admin/audit with the token only', async () => {
    const http = () => request(e2e.app.getHttpServer());
    expect((await http().get('/admin/audit')).status).toBe(401);
    expect((await http().get('/admin/audit').set('Authorization', 'Bearer wrong-token-of-some-length')).status).toBe(401);
    const answer = await http().get('/admin/audit').set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ clean: true, violations: [], checked: { players: 4, matches: 4 } });
  });
});
