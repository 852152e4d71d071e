import { Test, TestingModule } from '@nestjs/testing';
import { createTestDatabase, TestDatabase, testDriver } from '../../../test/support/test-database';
import { testConfig } from '../../../test/support/test-config';
import { waitFor } from '../../../test/support/wait-for';
import { ClockModule } from '../../common/clock/clock.module';
import { MetricsModule } from '../../common/metrics/metrics.module';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { DatabaseTimeout, Sql } from '../../database/sql';
import { sql } from '../../database/sql-fragment';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { LoggingModule } from '../logging/logging.module';
import { QueueModule } from '../queue/queue.module';
import { CountryService } from './country.service';
import { PlayerDirectory } from './player-directory';
import { PlayersModule } from './players.module';
import { PlayersRepository } from './players.repository';
import { ProfileViews } from './profile-views';
import { SetupService } from './setup.service';
import { TermsService } from './terms.service';

describe(`players service and memory (${testDriver()})`, () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  const others: TestingModule[] = [];

  async function boot(env: NodeJS.ProcessEnv = {}): Promise<TestingModule> {
    const config = testConfig(database.config, { LOG_LEVEL: 'warn', ...env });
    const ref = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), ClockModule, MetricsModule, DatabaseModule.forRoot(config.database), PlayersModule, QueueModule, LeaderboardModule],
    }).compile();
    await ref.init();
    return ref;
  }

  /** A second bot on the same database, booted now: its memory is the database as it stands. */
  async function bootAnother(): Promise<TestingModule> {
    const ref = await boot();
    others.push(ref);
    return ref;
  }

  beforeEach(async () => {
    database = await createTestDatabase();
    moduleRef = await boot();
  });

  afterEach(async () => {
    await Promise.all(others.splice(0).map((ref) => ref.close()));
    await moduleRef.close();
    await database.drop();
  });

  const alice = { discordId: '423456789012345678', username: 'alice' };
  const draft = { userId: 'Alice', battletag: 'Alice#1234', alt1: '', alt2: '', country: 'KR', region: 'KRJ' };
  const logRows = (ref = moduleRef) =>
    ref.get(Sql).query<{ idempotency_key: string; action: string }>(sql`SELECT idempotency_key, action FROM player_action_logs WHERE discord_id = ${alice.discordId} ORDER BY id`);
  const stored = async (ref = moduleRef) => (await ref.get(PlayersRepository).all()).find((player) => player.discordId === alice.discordId);

  async function registered(ref = moduleRef): Promise<void> {
    await ref.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
    await ref.get(SetupService).complete(alice, draft, 1, 'setup/confirm/1:m2:u');
  }

  it('creates the record with the first answer and refreshes the username inside the next write', async () => {
    await moduleRef.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ discordUsername: 'alice', rev: 1 });

    await moduleRef.get(SetupService).complete({ ...alice, username: 'alice_renamed' }, draft, 1, 'setup/confirm/1:m2:u');
    expect((await stored())?.discordUsername).toBe('alice_renamed');
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ discordUsername: 'alice_renamed', rev: 2 });
  });

  it('reads the player again after a write whose outcome is unknown, leaving memory as the database says', async () => {
    await registered();
    const before = moduleRef.get(PlayerDirectory).get(alice.discordId);
    const view = await moduleRef.get(ProfileViews).view(alice.discordId);

    jest.spyOn(moduleRef.get(Sql), 'write').mockRejectedValueOnce(new Error('connection reset'));
    await expect(moduleRef.get(SetupService).complete(alice, { ...draft, country: 'JP' }, 2, 'setup/confirm/2:m3:u')).rejects.toThrow('connection reset');

    await waitFor('the player to be read again', () => moduleRef.get(PlayerDirectory).get(alice.discordId) !== before);
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toEqual(before);
    expect(await moduleRef.get(ProfileViews).view(alice.discordId)).toEqual(view);
  });

  it('catches memory up with a write that was saved although its answer was lost', async () => {
    await registered();
    const db = moduleRef.get(Sql);
    const write = db.write.bind(db);
    jest.spyOn(db, 'write').mockImplementationOnce(async (guarded) => {
      await write(guarded);
      throw new DatabaseTimeout(6000);
    });
    await expect(moduleRef.get(CountryService).change(alice, 'JP', 2, 'setcountry/confirm/JP/2:m3:u')).rejects.toBeInstanceOf(DatabaseTimeout);
    await waitFor('the saved write to reach memory', () => moduleRef.get(PlayerDirectory).get(alice.discordId)?.country === 'JP');
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ country: 'JP', rev: 3 });
  });

  it('decides nothing from memory alone after a write of unknown outcome, even when reading the player again fails', async () => {
    await moduleRef.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
    const db = moduleRef.get(Sql);
    const write = db.write.bind(db);
    jest.spyOn(db, 'write').mockImplementationOnce(async (guarded) => {
      await write(guarded);
      throw new DatabaseTimeout(6000);
    });
    jest.spyOn(moduleRef.get(PlayersRepository), 'find').mockRejectedValueOnce(new Error('still unreachable'));
    await expect(moduleRef.get(TermsService).answer(alice, false, '1', 1, 'terms/decline/1/1:m2:u')).rejects.toBeInstanceOf(DatabaseTimeout);
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ termsAccepted: true, rev: 1 });

    // Memory still says accepted at revision 1, the database declined at 2: Accept must reach the database.
    const answer = await moduleRef.get(TermsService).answer(alice, true, '1', 1, 'terms/accept/1/1:m3:u');
    expect(answer).toMatchObject({ outcome: 'stale', accepted: false });
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ termsAccepted: false, rev: 2 });
    expect(moduleRef.get(PlayerDirectory).trusts(alice.discordId)).toBe(true);
  });

  it('rebuilds every player status from the database at boot', async () => {
    await registered();
    await moduleRef.get(TermsService).answer({ discordId: '523456789012345678', username: 'bob' }, true, '1', 0, 'terms/accept/1/0:m4:u');
    await moduleRef.get(TermsService).answer({ discordId: '523456789012345678', username: 'bob' }, false, '1', 1, 'terms/decline/1/1:m4:u');
    await moduleRef.close();

    moduleRef = await boot();
    const directory = moduleRef.get(PlayerDirectory);
    expect(directory.statusOf(alice.discordId)).toEqual({ banned: false, termsAccepted: true, setupComplete: true, activity: 'idle', activitySince: null, matchId: null });
    expect(directory.statusOf('523456789012345678')).toEqual({ banned: false, termsAccepted: false, setupComplete: false, activity: 'idle', activitySince: null, matchId: null });
    expect(directory.get(alice.discordId)).toMatchObject({ playerName: 'Alice', rev: 2 });
  });

  it('asks again for acceptance when the terms version changes', async () => {
    await moduleRef.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
    await moduleRef.close();
    moduleRef = await boot({ TERMS_VERSION: '2' });
    expect(moduleRef.get(PlayerDirectory).statusOf(alice.discordId).termsAccepted).toBe(false);
    await expect(moduleRef.get(TermsService).answer(alice, true, '1', 1, 'terms/accept/1/1:m9:u')).rejects.toThrow(/terms have changed/);
  });

  describe('revisions', () => {
    it('changes nothing when a button acts on an older revision, and memory takes the current row the write returned', async () => {
      await registered();
      const elsewhere = await bootAnother();
      await elsewhere.get(CountryService).change(alice, 'JP', 2, 'setcountry/confirm/JP/2:m5:u');
      expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ country: 'KR', rev: 2 });

      const answer = await moduleRef.get(CountryService).change(alice, 'FR', 2, 'setcountry/confirm/FR/2:m6:u');
      expect(answer).toMatchObject({ outcome: 'stale', rev: 3, from: { code: 'JP' }, to: { code: 'FR' } });
      expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ country: 'JP', rev: 3 });
      expect(await stored()).toMatchObject({ country: 'JP', rev: 3 });
      expect((await logRows()).map((row) => row.idempotency_key)).not.toContain('setcountry/confirm/FR/2:m6:u');
    });

    it('shows a setup preview again, its draft kept, when its Confirm acts on an older revision', async () => {
      await registered();
      await moduleRef.get(CountryService).change(alice, 'JP', 2, 'setcountry/confirm/JP/2:m5:u');
      const step = await moduleRef.get(SetupService).complete(alice, { ...draft, userId: 'Alicia' }, 2, 'setup/confirm/2:m6:u');
      expect(step).toMatchObject({ step: 'preview', outdated: true, rev: 3, draft: { userId: 'Alicia', country: 'KR' } });
      expect(await stored()).toMatchObject({ playerName: 'Alice', country: 'JP', rev: 3 });
      expect((await logRows()).map((row) => row.idempotency_key)).not.toContain('setup/confirm/2:m6:u');
    });

    it('keeps the newer row when the answers of two writes arrive in reverse order', async () => {
      await registered();
      const db = moduleRef.get(Sql);
      const write = db.write.bind(db);
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
      let calls = 0;
      let firstCommitted = false;
      jest.spyOn(db, 'write').mockImplementation(async (guarded) => {
        calls += 1;
        const call = calls;
        const outcome = await write(guarded);
        if (call === 1) {
          firstCommitted = true;
          await firstHeld;
        }
        return outcome;
      });

      const countries = moduleRef.get(CountryService);
      const first = countries.change(alice, 'JP', 2, 'setcountry/confirm/JP/2:m5:u');
      await waitFor('the first write to commit', () => firstCommitted);
      await countries.change(alice, 'FR', 3, 'setcountry/confirm/FR/3:m6:u');
      expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ country: 'FR', rev: 4 });
      releaseFirst();
      await first;

      expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ country: 'FR', rev: 4 });
      expect(await stored()).toMatchObject({ country: 'FR', rev: 4 });
    });
  });

  describe('repeats reaching the database', () => {
    it('applies a terms answer once when a freshly booted bot repeats its key, and catches its memory up', async () => {
      const fresh = await bootAnother();
      await moduleRef.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
      expect(fresh.get(PlayerDirectory).get(alice.discordId)).toBeUndefined();

      const answer = await fresh.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
      expect(answer).toMatchObject({ accepted: true, outcome: 'saved' });
      expect(await logRows()).toEqual([{ idempotency_key: 'terms/accept/1/0:m1:u', action: 'terms_accepted' }]);
      expect(fresh.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ termsAccepted: true, rev: 1 });
      expect(await stored()).toMatchObject({ rev: 1 });
    });

    it('applies a setup confirm once when a freshly booted bot repeats its key, and catches its memory up', async () => {
      await moduleRef.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
      const fresh = await bootAnother();
      await moduleRef.get(SetupService).complete(alice, draft, 1, 'setup/confirm/1:m2:u');
      expect(fresh.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ setupCompletedAt: null, rev: 1 });

      const step = await fresh.get(SetupService).complete(alice, draft, 1, 'setup/confirm/1:m2:u');
      expect(step.step).toBe('done');
      const setupRows = (await logRows()).filter((row) => row.idempotency_key.startsWith('setup/confirm/1:m2:u'));
      expect(setupRows.map((row) => row.action)).toEqual(['setup_completed', 'setup_field_changed', 'setup_field_changed', 'setup_field_changed', 'setup_field_changed']);
      expect(fresh.get(PlayerDirectory).get(alice.discordId)).toMatchObject({ playerName: 'Alice', country: 'KR', rev: 2 });
      expect(await stored()).toMatchObject({ rev: 2 });
    });
  });

  describe('writes that change nothing', () => {
    it('writes no log row for the same terms answer again, from a new message', async () => {
      await moduleRef.get(TermsService).answer(alice, true, '1', 0, 'terms/accept/1/0:m1:u');
      const again = await moduleRef.get(TermsService).answer(alice, true, '1', 1, 'terms/accept/1/1:m7:u');
      expect(again).toMatchObject({ accepted: true, outcome: 'unchanged' });
      expect(await logRows()).toHaveLength(1);
      expect(await stored()).toMatchObject({ rev: 1 });
    });

    it('writes no log row for the same setup again, from a new message', async () => {
      await registered();
      const before = await logRows();
      expect((await moduleRef.get(SetupService).complete(alice, draft, 2, 'setup/confirm/2:m8:u')).step).toBe('done');
      expect(await logRows()).toEqual(before);
      expect(await stored()).toMatchObject({ rev: 2 });
    });
  });

  it('drops every view derived from a forgotten player, profile details included', async () => {
    await registered();
    const views = moduleRef.get(ProfileViews);
    const profile = jest.spyOn(moduleRef.get(PlayersRepository), 'profile');
    await views.view(alice.discordId);
    await views.view(alice.discordId);
    expect(profile).toHaveBeenCalledTimes(1);
    await views.forget(alice.discordId);
    await views.view(alice.discordId);
    expect(profile).toHaveBeenCalledTimes(2);
  });
});

