import { DataSource } from 'typeorm';
import { InteractionOutcome } from '../src/common/context/interaction-context';
import { readTime } from '../src/database/sql';
import { DriverUser } from '../src/emulator';
import { PlayerDirectory } from '../src/modules/players/player-directory';
import { E2e, startE2e } from './support/e2e';
import { recordedOutcomes } from './support/recorded-outcomes';
import { testDriver } from './support/test-database';

/**
 * A write is one round trip on PostgreSQL; on SQLite, one local transaction: three reads (the row, the
 * key, the precondition), then each keyed row and the change.
 */
const write = (keyedRows = 1) => (testDriver() === 'postgres' ? 1 : 3 + keyedRows + 1);

describe(`players: terms, setup, setcountry, profile (${testDriver()})`, () => {
  let e2e: E2e;
  let outcomes: InteractionOutcome[];

  beforeAll(async () => {
    e2e = await startE2e({ env: { TERMS_VERSION: '3', TERMS_URL: 'https://ladder.example/terms' } });
    outcomes = recordedOutcomes(e2e.app);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(() => {
    expect(e2e.emulator.violations()).toEqual([]);
  });

  const last = (route: string) => [...outcomes].reverse().find((outcome) => outcome.route === route && !outcome.duplicate);
  const logRows = (discordId: string): Promise<Array<{ action: string; setting_name: string | null; old_value: string | null; new_value: string | null }>> =>
    e2e.app.get(DataSource).query(`SELECT action, setting_name, old_value, new_value FROM player_action_logs WHERE discord_id = '${discordId}' ORDER BY id`);

  async function acceptTerms(user: DriverUser): Promise<void> {
    await user.runCommand('termsofservice');
    await user.clickButton('Accept');
  }

  async function completeSetup(user: DriverUser, fields: Record<string, string>, country: string, region: string): Promise<void> {
    await user.runCommand('setup');
    await user.fillModal(fields);
    await chooseCountry(user, country);
    await user.choose('Residential region', [region]);
    await user.clickButton('Confirm');
  }

  async function chooseCountry(user: DriverUser, code: string): Promise<void> {
    try {
      await user.choose('setup/country/1', [code]);
    } catch {
      await user.choose('setup/country/2', [code]);
    }
  }

  describe('a new person', () => {
    it('is shown the terms with Accept by every command but /termsofservice, with no database query', async () => {
      const ann = e2e.driver.createUser('ann');
      for (const command of ['profile', 'setup']) {
        await ann.runCommand(command);
        expect(ann.lastReply()).toMatch(/Terms of service \(version 3\)[\s\S]*That command needs the terms accepted first[\s\S]*https:\/\/ladder\.example\/terms/);
        expect(ann.visibleMessages().at(-1)).toMatch(/^#\S+ \(only you\): [\s\S]*Terms of service \(version 3\)/);
      }
      expect(last('/profile')?.queries).toBe(0);
      expect(last('/setup')?.queries).toBe(0);
      expect(await e2e.app.get(DataSource).query(`SELECT 1 FROM players WHERE discord_id = '${ann.id}'`)).toHaveLength(0);
    });

    it('accepts the terms right where a command showed them, then uses that command', async () => {
      const ava = e2e.driver.createUser('ava');
      await ava.runCommand('setup');
      await ava.clickButton('Accept');
      expect(ava.lastReply()).toMatch(/Terms accepted[\s\S]*version 3[\s\S]*\/setup/);
      expect(await logRows(ava.id)).toEqual([{ action: 'terms_accepted', setting_name: 'terms_version', old_value: null, new_value: '3' }]);

      await ava.runCommand('profile');
      expect(ava.lastReply()).toMatch(/ava/);
      expect(ava.lastReply()).not.toMatch(/Terms of service \(version/);
      expect(e2e.emulator.violations()).toEqual([]);
    });
  });

  describe('/termsofservice', () => {
    it('shows the configured terms, and Accept records them in one round trip with its log row', async () => {
      const bea = e2e.driver.createUser('bea');
      await bea.runCommand('termsofservice');
      expect(bea.lastReply()).toMatch(/Terms of service \(version 3\)[\s\S]*https:\/\/ladder\.example\/terms/);
      expect(last('/termsofservice')?.queries).toBe(0);

      await bea.clickButton('Accept');
      expect(bea.lastReply()).toMatch(/Terms accepted[\s\S]*version 3/);
      expect(last('terms/accept/:version/:rev')?.queries).toBe(write());
      expect(await logRows(bea.id)).toEqual([{ action: 'terms_accepted', setting_name: 'terms_version', old_value: null, new_value: '3' }]);
      const [player] = await e2e.app.get(DataSource).query(`SELECT discord_username, terms_version FROM players WHERE discord_id = '${bea.id}'`);
      expect(player).toEqual({ discord_username: 'bea', terms_version: '3' });
    });

    it('records one acceptance for a storm of 20 clicks', async () => {
      const cid = e2e.driver.createUser('cid');
      await cid.runCommand('termsofservice');
      const clicks = await Promise.all(Array.from({ length: 20 }, () => cid.clickButton('Accept')));
      expect(clicks.filter((click) => click.acknowledged && !click.failed)).toHaveLength(20);
      expect(await logRows(cid.id)).toHaveLength(1);
      expect(cid.lastReply()).toMatch(/Terms accepted/);
      const storm = outcomes.filter((outcome) => outcome.userId === cid.id && outcome.route === 'terms/accept/:version/:rev');
      expect(storm.filter((outcome) => outcome.duplicate)).toHaveLength(19);
    });

    it('Decline withdraws the acceptance and locks the other commands', async () => {
      const dan = e2e.driver.createUser('dan');
      await acceptTerms(dan);
      await dan.runCommand('termsofservice');
      await dan.clickButton('Decline');
      expect(dan.lastReply()).toMatch(/Terms declined/);
      expect(last('terms/decline/:version/:rev')?.queries).toBe(write());
      await dan.runCommand('profile');
      expect(dan.lastReply()).toMatch(/Terms of service \(version 3\)[\s\S]*That command needs the terms accepted first/);
      expect((await logRows(dan.id)).map((row) => row.action)).toEqual(['terms_accepted', 'terms_declined']);
    });

    it('changes nothing on a click from an older message, answers with the current state, and takes the next click there as a new intent', async () => {
      const kim = e2e.driver.createUser('kim');
      await kim.runCommand('termsofservice');
      const older = e2e.driver.lastReply(kim.id)!.message.id;
      await kim.runCommand('termsofservice');
      await kim.clickButton('Accept');
      expect(kim.lastReply()).toMatch(/Terms accepted/);

      await kim.clickButton('Decline', { messageId: older });
      expect(kim.lastReply()).toMatch(/out of date, so nothing was changed: you have accepted them/);
      expect(e2e.app.get(PlayerDirectory).statusOf(kim.id).termsAccepted).toBe(true);
      expect((await logRows(kim.id)).map((row) => row.action)).toEqual(['terms_accepted']);

      // The same button on the same message, now acting on the current revision: a new intent, not a repeat.
      await kim.clickButton('Decline', { messageId: older });
      expect(kim.lastReply()).toMatch(/Terms declined/);
      expect((await logRows(kim.id)).map((row) => row.action)).toEqual(['terms_accepted', 'terms_declined']);
      const declines = outcomes.filter((outcome) => outcome.userId === kim.id && outcome.route === 'terms/decline/:version/:rev');
      expect(declines.map((outcome) => outcome.duplicate)).toEqual([false, false]);
    });

    it('writes nothing when the answer is the one the player already gave', async () => {
      const lea = e2e.driver.createUser('lea');
      await acceptTerms(lea);
      await acceptTerms(lea);
      expect(lea.lastReply()).toMatch(/Terms accepted/);
      expect(last('terms/accept/:version/:rev')?.queries).toBe(0);
      expect(await logRows(lea.id)).toHaveLength(1);
    });
  });

  describe('/setup', () => {
    it('explains each broken rule by field, keeps the typed values, and saves a valid profile in one round trip', async () => {
      const eve = e2e.driver.createUser('eve');
      await acceptTerms(eve);
      await eve.runCommand('setup');
      expect(eve.currentModal()?.fields.map((field) => [field.label, field.value])).toEqual([
        ['Player name', ''],
        ['BattleTag', ''],
        ['Alt name 1', ''],
        ['Alt name 2', ''],
      ]);

      const refusals: Array<[Record<string, string>, RegExp]> = [
        [{ 'Player name': 'Ab', BattleTag: 'Eve#1234' }, /Player name.*3 to 12 letters A-Z.*"Ab"/],
        [{ 'Player name': 'Player_1', BattleTag: 'Eve#1234' }, /Player name.*3 to 12 letters A-Z.*"Player\\_1"/],
        [{ 'Player name': 'Alice', BattleTag: 'Alice#12' }, /BattleTag.*3 to 12 digits/],
        [{ 'Player name': 'Alice', BattleTag: 'Al#ce#123' }, /BattleTag.*exactly one #/],
        [{ 'Player name': 'Alice', BattleTag: 'Alice#1234', 'Alt name 1': 'alice' }, /Alt name 1.*must differ from Player name/],
        [{ 'Player name': 'Alice', BattleTag: 'Alice#1234', 'Alt name 1': 'Bob', 'Alt name 2': 'BOB' }, /Alt name 2.*must differ from Alt name 1/],
        [{ 'Player name': 'Alice', BattleTag: 'Alice#1234', 'Alt name 1': 'Bo' }, /Alt name 1.*3 to 12 letters or digits/],
        [{ 'Player name': 'Alice', BattleTag: 'Alice#1234', 'Alt name 2': 'Bob!' }, /Alt name 2.*3 to 12 letters or digits/],
        [{ 'Player name': 'Alice', BattleTag: 'Abcdefghijklm#1234' }, /BattleTag.*1 to 12 letters or digits/],
        [{ 'Player name': 'Alice', BattleTag: 'Alice#1234567890123' }, /BattleTag.*3 to 12 digits/],
        [{ 'Player name': 'Al ice', BattleTag: 'Alice1234' }, /Player name.*"Al ice"[\s\S]*BattleTag.*name#digits/],
      ];
      for (const [fields, message] of refusals) {
        await eve.fillModal(fields);
        expect(eve.lastReply()).toMatch(message);
        await eve.clickButton('Try again');
        expect(eve.currentModal()?.fields.find((field) => field.label === 'Player name')?.value).toBe(fields['Player name']);
      }

      await eve.fillModal({ 'Player name': 'Alice', BattleTag: '앨리스#1234', 'Alt name 1': '앨리스', 'Alt name 2': '' });
      expect(eve.lastReply()).toMatch(/Setup: your country/);
      const selects = eve.lastReply()!.match(/<Countries: [^>]*>/g) ?? [];
      expect(selects).toHaveLength(2);
      await chooseCountry(eve, 'KR');
      expect(eve.lastReply()).toMatch(/Setup: your region[\s\S]*South Korea \(KR\)/);
      await eve.choose('Residential region', ['KRJ']);
      expect(eve.lastReply()).toMatch(/check and confirm[\s\S]*Korea and Japan \(KRJ\)/);
      await eve.clickButton('Confirm');
      expect(eve.lastReply()).toMatch(/Setup complete/);
      expect(last('setup/confirm/:rev')?.queries).toBe(write(6));

      const rows = await logRows(eve.id);
      expect(rows.filter((row) => row.action === 'setup_completed')).toHaveLength(1);
      expect(rows.filter((row) => row.action === 'setup_field_changed').map((row) => [row.setting_name, row.new_value])).toEqual([
        ['player_name', 'Alice'],
        ['battletag', '앨리스#1234'],
        ['alt_player_name_1', '앨리스'],
        ['country', 'KR'],
        ['region', 'KRJ'],
      ]);
    });

    it('pre-fills the form with the saved profile, logs only what changed, and keeps the first completion time', async () => {
      const fay = e2e.driver.createUser('fay');
      await acceptTerms(fay);
      await completeSetup(fay, { 'Player name': 'Fay', BattleTag: 'Fay#1234' }, 'SE', 'EUE');
      const [first] = await e2e.app.get(DataSource).query(`SELECT setup_completed_at FROM players WHERE discord_id = '${fay.id}'`);

      await fay.runCommand('setup');
      expect(fay.currentModal()?.fields.map((field) => field.value)).toEqual(['Fay', 'Fay#1234', '', '']);
      await fay.fillModal({ 'Player name': 'Fay', BattleTag: 'Fay#1234', 'Alt name 1': 'Faye' });
      await chooseCountry(fay, 'SE');
      await fay.choose('Residential region', ['EUE']);
      await fay.clickButton('Confirm');

      const [again] = await e2e.app.get(DataSource).query(`SELECT setup_completed_at, updated_at, alt_player_name_1 FROM players WHERE discord_id = '${fay.id}'`);
      expect(again.alt_player_name_1).toBe('Faye');
      expect(readTime(again.setup_completed_at)?.toISOString()).toBe(readTime(first.setup_completed_at)?.toISOString());
      expect(readTime(again.updated_at)?.getTime()).toBeGreaterThan(readTime(again.setup_completed_at)!.getTime());
      const changes = (await logRows(fay.id)).filter((row) => row.action === 'setup_field_changed');
      expect(changes.slice(-1)).toEqual([{ action: 'setup_field_changed', setting_name: 'alt_player_name_1', old_value: null, new_value: 'Faye' }]);
    });

    it('saves once for a storm of 20 clicks on Confirm', async () => {
      const gil = e2e.driver.createUser('gil');
      await acceptTerms(gil);
      await gil.runCommand('setup');
      await gil.fillModal({ 'Player name': 'Gil', BattleTag: 'Gil#5555' });
      await chooseCountry(gil, 'DE');
      await gil.choose('Residential region', ['EUW']);
      const clicks = await Promise.all(Array.from({ length: 20 }, () => gil.clickButton('Confirm')));
      expect(clicks.filter((click) => click.acknowledged && !click.failed)).toHaveLength(20);
      const rows = await logRows(gil.id);
      expect(rows.filter((row) => row.action === 'setup_completed')).toHaveLength(1);
      expect(rows.filter((row) => row.action === 'setup_field_changed').map((row) => row.setting_name)).toEqual(['player_name', 'battletag', 'country', 'region']);
      expect(gil.lastReply()).toMatch(/Setup complete/);
      const storm = outcomes.filter((outcome) => outcome.userId === gil.id && outcome.route === 'setup/confirm/:rev');
      expect(storm.filter((outcome) => outcome.duplicate)).toHaveLength(19);
    });

    it('offers to keep a country set with /setcountry, which the common lists do not have', async () => {
      const tia = e2e.driver.createUser('tia');
      await acceptTerms(tia);
      await completeSetup(tia, { 'Player name': 'Tia', BattleTag: 'Tia#1234' }, 'ZZ', 'OCE');
      await tia.runCommand('setcountry', { country: 'Tuvalu' });
      await tia.clickButton('Confirm');
      await tia.runCommand('setup');
      await tia.fillModal({ 'Player name': 'Tia', BattleTag: 'Tia#1234' });
      expect(tia.lastReply()).toMatch(/Country: 🇹🇻 Tuvalu \(TV\)/);
      await tia.clickButton('Keep Tuvalu');
      await tia.choose('Residential region', ['OCE']);
      await tia.clickButton('Confirm');
      const [row] = await e2e.app.get(DataSource).query(`SELECT country FROM players WHERE discord_id = '${tia.id}'`);
      expect(row.country).toBe('TV');
    });

    it('Restart reopens the form with the draft, and Cancel saves nothing', async () => {
      const hal = e2e.driver.createUser('hal');
      await acceptTerms(hal);
      await hal.runCommand('setup');
      await hal.fillModal({ 'Player name': 'Hal', BattleTag: 'Hal#9000' });
      await chooseCountry(hal, 'US');
      await hal.choose('Residential region', ['NAW']);
      await hal.clickButton('Restart');
      expect(hal.currentModal()?.fields.map((field) => field.value)).toEqual(['Hal', 'Hal#9000', '', '']);
      await hal.fillModal({ 'Player name': 'Hal', BattleTag: 'Hal#9000' });
      await chooseCountry(hal, 'US');
      await hal.choose('Residential region', ['NAW']);
      await hal.clickButton('Cancel');
      expect(hal.lastReply()).toMatch(/Setup cancelled/);
      const [row] = await e2e.app.get(DataSource).query(`SELECT player_name FROM players WHERE discord_id = '${hal.id}'`);
      expect(row.player_name).toBeNull();
    });
  });

  describe('/setcountry', () => {
    it('suggests every country as the player types, exact code first', async () => {
      const ida = e2e.driver.createUser('ida');
      await acceptTerms(ida);
      const korea = await ida.autocomplete('setcountry', 'country', 'kor');
      expect(korea.map((choice) => choice.value)).toEqual(expect.arrayContaining(['KR', 'KP']));
      const code = await ida.autocomplete('setcountry', 'country', 'KR');
      expect(code[0].value).toBe('KR');
      const rare = await ida.autocomplete('setcountry', 'country', 'Tuvalu');
      expect(rare.map((choice) => choice.value)).toEqual(['TV']);
    });

    it('resolves a typed name, previews, and changes the country in one round trip', async () => {
      const jon = e2e.driver.createUser('jon');
      await acceptTerms(jon);
      await completeSetup(jon, { 'Player name': 'Jon', BattleTag: 'Jon#1234' }, 'US', 'NAE');
      await jon.runCommand('setcountry', { country: 'japan' });
      expect(jon.lastReply()).toMatch(/Change your country\?[\s\S]*United States[\s\S]*Japan/);
      expect(last('/setcountry')?.queries).toBe(0);
      await jon.clickButton('Confirm');
      expect(jon.lastReply()).toMatch(/Country changed[\s\S]*Japan/);
      expect(last('setcountry/confirm/:code/:rev')?.queries).toBe(write());
      expect((await logRows(jon.id)).filter((row) => row.action === 'country_changed')).toEqual([
        { action: 'country_changed', setting_name: 'country', old_value: 'US', new_value: 'JP' },
      ]);

      await jon.runCommand('setcountry', { country: 'Japan' });
      expect(jon.lastReply()).toMatch(/Country unchanged[\s\S]*You already represent[\s\S]*Japan/);
      expect(jon.lastReply()).not.toMatch(/Confirm/);
    });

    it('names the field when nothing matches', async () => {
      const kai = e2e.driver.createUser('kai');
      await acceptTerms(kai);
      await kai.runCommand('setcountry', { country: 'Atlantis' });
      expect(kai.lastReply()).toMatch(/country: no country matches "Atlantis"/);
    });
  });

  describe('/profile', () => {
    it('costs one statement cold and none warm, and shows what exists so far', async () => {
      const lou = e2e.driver.createUser('lou');
      await acceptTerms(lou);
      await completeSetup(lou, { 'Player name': 'Lou', BattleTag: '루#4321', 'Alt name 1': 'Louie' }, 'KR', 'KRJ');

      await lou.runCommand('profile');
      expect(last('/profile')?.queries).toBe(1);
      const shown = lou.lastReply() ?? '';
      expect(shown).toMatch(/Lou/);
      expect(shown).toMatch(/루#4321/);
      expect(shown).toMatch(/Louie/);
      expect(shown).toMatch(/🇰🇷 South Korea/);
      expect(shown).toMatch(/Korea and Japan/);
      expect(shown).toMatch(/No games yet/);
      expect(shown).toMatch(/Terms accepted \(version 3\)/);
      expect(shown).toMatch(/Aborts left this month: 3 of 3/);

      await lou.runCommand('profile');
      expect(last('/profile')?.queries).toBe(0);
      expect(lou.lastReply()).toBe(shown);
    });

    it("shows another player's profile, refreshed after their next change", async () => {
      const mia = e2e.driver.createUser('mia');
      const ned = e2e.driver.createUser('ned');
      await acceptTerms(mia);
      await acceptTerms(ned);
      await completeSetup(ned, { 'Player name': 'Ned', BattleTag: 'Ned#1234' }, 'FR', 'EUW');
      await mia.runCommand('profile', { player: ned });
      expect(mia.lastReply()).toMatch(/Ned[\s\S]*France/);
      await ned.runCommand('setcountry', { country: 'BE' });
      await ned.clickButton('Confirm');
      await mia.runCommand('profile', { player: ned });
      expect(mia.lastReply()).toMatch(/Belgium/);
      expect(last('/profile')?.queries).toBe(0);
    });

    it('says so when the player has no profile', async () => {
      const ola = e2e.driver.createUser('ola');
      const pat = e2e.driver.createUser('pat');
      await acceptTerms(ola);
      await ola.runCommand('profile', { player: pat });
      expect(ola.lastReply()).toMatch(/pat has no ladder profile yet/);
    });
  });
});
