import { Test, TestingModule } from '@nestjs/testing';
import { createTestDatabase, TestDatabase, testDriver } from '../../../test/support/test-database';
import { testConfig } from '../../../test/support/test-config';
import { ClockModule } from '../../common/clock/clock.module';
import { MetricsModule } from '../../common/metrics/metrics.module';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { Sql } from '../../database/sql';
import { LoggingModule } from '../logging/logging.module';
import { PlayerDirectory } from './player-directory';
import { PlayersModule } from './players.module';
import { ProfileViews } from './profile-views';
import { SetupService } from './setup.service';
import { TermsService } from './terms.service';

describe(`players service and memory (${testDriver()})`, () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;

  async function boot(env: NodeJS.ProcessEnv = {}): Promise<TestingModule> {
    const config = testConfig(database.config, { LOG_LEVEL: 'warn', ...env });
    const ref = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), ClockModule, MetricsModule, DatabaseModule.forRoot(config.database), PlayersModule],
    }).compile();
    await ref.init();
    return ref;
  }

  beforeEach(async () => {
    database = await createTestDatabase();
    moduleRef = await boot();
  });

  afterEach(async () => {
    await moduleRef.close();
    await database.drop();
  });

  const alice = { discordId: '423456789012345678', username: 'alice' };
  const draft = { userId: 'Alice', battletag: 'Alice#1234', alt1: '', alt2: '', country: 'KR', region: 'KRJ' };

  it('creates the record with the first answer and refreshes the username inside the next write', async () => {
    const terms = moduleRef.get(TermsService);
    await terms.answer(alice, true, '1', 'terms/accept/1:m1:u');
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)?.discordUsername).toBe('alice');

    await moduleRef.get(SetupService).complete({ ...alice, username: 'alice_renamed' }, draft, 'setup/confirm:m2:u');
    const rows = await moduleRef.get(Sql).query<{ discord_username: string }>({ text: `SELECT discord_username FROM players WHERE discord_id = '${alice.discordId}'` });
    expect(rows).toEqual([{ discord_username: 'alice_renamed' }]);
    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)?.discordUsername).toBe('alice_renamed');
  });

  it('leaves memory and the rendered profile as they were when the write fails', async () => {
    await moduleRef.get(TermsService).answer(alice, true, '1', 'terms/accept/1:m1:u');
    await moduleRef.get(SetupService).complete(alice, draft, 'setup/confirm:m2:u');
    const before = moduleRef.get(PlayerDirectory).get(alice.discordId);
    const view = await moduleRef.get(ProfileViews).view(alice.discordId);

    jest.spyOn(moduleRef.get(Sql), 'writeOnce').mockRejectedValueOnce(new Error('connection reset'));
    await expect(moduleRef.get(SetupService).complete(alice, { ...draft, country: 'JP' }, 'setup/confirm:m3:u')).rejects.toThrow('connection reset');

    expect(moduleRef.get(PlayerDirectory).get(alice.discordId)).toBe(before);
    expect(await moduleRef.get(ProfileViews).view(alice.discordId)).toEqual(view);
  });

  it('rebuilds every player status from the database at boot', async () => {
    await moduleRef.get(TermsService).answer(alice, true, '1', 'terms/accept/1:m1:u');
    await moduleRef.get(SetupService).complete(alice, draft, 'setup/confirm:m2:u');
    await moduleRef.get(TermsService).answer({ discordId: '523456789012345678', username: 'bob' }, false, '1', 'terms/decline/1:m4:u');
    await moduleRef.close();

    moduleRef = await boot();
    const directory = moduleRef.get(PlayerDirectory);
    expect(directory.statusOf(alice.discordId)).toEqual({ banned: false, termsAccepted: true, setupComplete: true, activity: 'idle' });
    expect(directory.statusOf('523456789012345678')).toEqual({ banned: false, termsAccepted: false, setupComplete: false, activity: 'idle' });
    expect(directory.get(alice.discordId)?.playerName).toBe('Alice');
  });

  it('asks again for acceptance when the terms version changes', async () => {
    await moduleRef.get(TermsService).answer(alice, true, '1', 'terms/accept/1:m1:u');
    await moduleRef.close();
    moduleRef = await boot({ TERMS_VERSION: '2' });
    expect(moduleRef.get(PlayerDirectory).statusOf(alice.discordId).termsAccepted).toBe(false);
    await expect(moduleRef.get(TermsService).answer(alice, true, '1', 'terms/accept/1:m9:u')).rejects.toThrow(/terms have changed/);
  });
});
