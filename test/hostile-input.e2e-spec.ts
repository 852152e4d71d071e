import { APIButtonComponent, APIComponentInMessageActionRow, APIMessage, APIModalSubmissionComponent, ButtonStyle, Client, ComponentType } from 'discord.js';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DriverUser, InteractionOutcome } from '../src/emulator';
import { ADMIN_SUBCOMMANDS } from '../src/modules/admin/admin-subcommands';
import { E2e, startE2eWithAdmin } from './support/e2e';
import { LadderPlay } from './support/ladder-play';
import { expectWhole } from './support/ladder-audit';
import { ManualClock } from './support/manual-clock';
import { testDriver } from './support/test-database';

const ADMIN_TOKEN = 'an-admin-token-long-enough';

/** What a hostile player might type into any field. */
const HOSTILE: Record<string, string> = {
  'very long': 'A'.repeat(5000),
  'zero-width': 'Ann\u200Bie',
  'right-to-left override': '\u202EeinnA',
  markdown: '**Ann**',
  'a mention of everyone': '@everyone',
  'a user mention': '<@123456789012345678>',
  'SQL-looking': "Ann'); DROP TABLE players;--",
  'a line break': 'Ann\nie',
};

/** A button of a message's rows, by label. */
function findButton(rows: APIMessage['components'], label: string): APIButtonComponent {
  const inRows = (rows ?? []).flatMap((row): APIComponentInMessageActionRow[] => (row.type === ComponentType.ActionRow ? row.components : []));
  const button = inRows.find((component) => component.type === ComponentType.Button && 'label' in component && component.label === label);
  if (!button) throw new Error(`no button ${label}`);
  return button as APIButtonComponent;
}

const STACK_TRACE = /\n\s+at \S+ \(|TypeError|ReferenceError|QueryFailedError|SQLITE_|\bError: /;

describe(`hostile input: typed fields, forged custom ids, admin commands and admin HTTP (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  const clock = new ManualClock(new Date('2026-12-02T10:00:00.000Z'));
  let play: LadderPlay;

  beforeAll(async () => {
    ({ e2e, admin } = await startE2eWithAdmin('gatekeeper', { clock, env: { ADMIN_TOKEN } }));
    play = new LadderPlay(e2e, clock);
  });

  afterAll(async () => {
    await e2e.close();
  });

  afterEach(async () => {
    expect(e2e.emulator.violations()).toEqual([]);
    const pinging = [...e2e.emulator.state.messages.values()].filter((stored) => stored.message.mention_everyone);
    expect(pinging.map((stored) => stored.message.content)).toEqual([]);
    await expectWhole(e2e.app);
  });

  const db = () => e2e.app.get(DataSource);
  /** Everything a refused input must leave as it was. */
  const state = async () => ({
    players: await db().query(`SELECT * FROM players ORDER BY id`),
    matches: await db().query(`SELECT * FROM matches_1v1 ORDER BY id`),
    queue: await db().query(`SELECT * FROM queue_entries_1v1 ORDER BY player_id`),
    logs: await db().query(`SELECT COUNT(*) AS n FROM player_action_logs`),
    audits: await db().query(`SELECT COUNT(*) AS n FROM admin_actions`),
  });

  /** The answer a person sees: a refusal in words, never a stack trace or "This interaction failed". */
  function expectRefusal(user: DriverUser, outcome: InteractionOutcome, pattern: RegExp): void {
    expect(outcome).toMatchObject({ acknowledged: true, failed: false });
    const reply = user.lastReply() ?? '';
    expect(reply).toMatch(pattern);
    expect(reply).not.toMatch(STACK_TRACE);
  }

  /** A component interaction as a modified client could send it: any custom id, on a message the user can see. */
  function forge(user: DriverUser, messageId: string, customId: string): Promise<InteractionOutcome> {
    const message = e2e.emulator.state.messages.get(messageId)!.message;
    const payload = e2e.emulator.payloads.component(user.id, message, { type: ComponentType.Button, custom_id: customId, style: ButtonStyle.Primary, label: 'forged' }, [], {});
    return e2e.driver.track(e2e.emulator.dispatchInteraction(payload), user.username, `forge ${customId.slice(0, 40)}`);
  }

  /** The setup form submitted with any values, past the limits Discord's client keeps to. */
  async function forgeSetupForm(user: DriverUser, values: { userId: string; battletag: string; alt1?: string; alt2?: string }): Promise<InteractionOutcome> {
    await user.runCommand('setup');
    const record = e2e.driver.openModal(user.id)!;
    e2e.driver.closeModal(user.id);
    const components = Object.entries({ alt1: '', alt2: '', ...values }).map(
      ([customId, value]): APIModalSubmissionComponent => ({ type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: customId, value }] }) as APIModalSubmissionComponent,
    );
    const payload = e2e.emulator.payloads.modalSubmit(user.id, record.channelId, record.modal!.custom_id, components, undefined);
    return e2e.driver.track(e2e.emulator.dispatchInteraction(payload), user.username, 'forge the setup form');
  }

  it('refuses every hostile value in each setup field, naming the field and quoting it harmlessly, and saves nothing', async () => {
    const ann = e2e.driver.createUser('hostile-ann');
    await ann.runCommand('termsofservice');
    await ann.clickButton('Accept');
    const before = await state();
    for (const [kind, value] of Object.entries(HOSTILE)) {
      for (const [field, label] of [['userId', 'Player name'], ['battletag', 'BattleTag'], ['alt1', 'Alt name 1']] as const) {
        const values = { userId: 'Annie', battletag: 'Annie#1234', [field]: field === 'battletag' ? `${value}#1234` : value };
        const outcome = await forgeSetupForm(ann, values);
        expectRefusal(ann, outcome, new RegExp(`Setup: please fix these fields\\n\\| \\*\\*${label}\\*\\* [^\\n]*must`));
        expect({ kind, field, reply: ann.lastReply()!.length < 2000 }).toEqual({ kind, field, reply: true });
      }
    }
    // The zero-width space is named, the markdown escaped, the long value cut and counted.
    await forgeSetupForm(ann, { userId: HOSTILE['zero-width'], battletag: 'Annie#1234' });
    expect(ann.lastReply()).toContain('(got "AnnU+200Bie")');
    await forgeSetupForm(ann, { userId: HOSTILE['very long'], battletag: 'Annie#1234' });
    expect(ann.lastReply()).toContain(`(got "${'A'.repeat(24)}…" (5000 characters))`);
    await forgeSetupForm(ann, { userId: HOSTILE.markdown, battletag: 'Annie#1234' });
    expect(ann.lastReply()).toContain('(got "\\*\\*Ann\\*\\*")');
    // "Try again" offers the form again within Discord's limits, so even a forged value cannot break it.
    await forgeSetupForm(ann, { userId: HOSTILE['very long'], battletag: 'Annie#1234' });
    await ann.clickButton('Try again');
    expect(e2e.driver.openModal(ann.id)?.modal).toBeDefined();
    e2e.driver.closeModal(ann.id);
    expect(await state()).toEqual(before);
  });

  it('refuses hostile text as a country, naming the field, and changes nothing', async () => {
    const bob = await play.player('Bob');
    const before = await state();
    for (const value of Object.values(HOSTILE)) {
      const outcome = await bob.runCommand('setcountry', { country: value.slice(0, 100) });
      expectRefusal(bob, outcome, /Unknown country[\s\S]*country: no country matches "/);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses forged custom ids: another player\'s match, values out of range, wrong types, stale revisions, over 100 characters', async () => {
    const found = await play.played(await play.player('Cid'), await play.player('Dan'));
    const eve = await play.player('Eve');
    const before = await state();
    const cards = { bw: play.render(found.dm.bw), sc2: play.render(found.dm.sc2) };

    // A real button of someone else's match card.
    const intruder = await e2e.driver.track(e2e.emulator.clickComponent({ userId: eve.id, messageId: found.dm.bw, customId: `report/choose/${found.matchId}/won` }), eve.username, 'click another player\'s card');
    expectRefusal(eve, intruder, /Not your match/);

    // Ids no message shows, as a modified client could send them on the player's own match card: each is
    // refused before any handler runs, so none can overwrite the card it names.
    const forged = [
      `report/choose/${found.matchId + 1}/won`,
      'report/choose/2147483647/won',
      `report/choose/${found.matchId}/maybe`,
      'report/choose/abc/won',
      `report/confirm/${found.matchId}/won/99`,
      'terms/accept/1/0',
      `history/${found.sc2.id}/0`,
      `queue/join/0/bw_dragon/-/-/0`,
      `admin/resolve/${found.matchId}/player_1/confirmed/none/0`,
      `admin/player/ban/${found.sc2.id}/1/-`,
      `report/choose/${found.matchId}/won/${'x'.repeat(100)}`,
      'x'.repeat(101),
    ];
    for (const customId of forged) {
      expectRefusal(found.bw, await forge(found.bw, found.dm.bw, customId), /No longer valid/);
    }
    expect({ bw: play.render(found.dm.bw), sc2: play.render(found.dm.sc2) }).toEqual(cards);
    expect(await state()).toEqual(before);

    // The card still works, and a Confirm drawn before the player's own later report is refused as stale.
    await found.bw.clickButton('I won', { messageId: found.dm.bw });
    const staleConfirm = e2e.emulator.state.messages.get(found.dm.bw)!.message.components;
    await found.bw.clickButton('Confirm: I won', { messageId: found.dm.bw });
    await found.bw.clickButton('I lost', { messageId: found.dm.bw });
    await found.bw.clickButton('Confirm: I lost', { messageId: found.dm.bw });
    const stale = e2e.emulator.state.messages.get(found.dm.bw)!.message;
    const replayed = e2e.emulator.payloads.component(found.bw.id, { ...stale, components: staleConfirm }, findButton(staleConfirm, 'Confirm: I won'), [], {});
    expectRefusal(found.bw, await e2e.driver.track(e2e.emulator.dispatchInteraction(replayed), found.bw.username, 'replay an old Confirm'), /Report out of date/);
    expect((await db().query(`SELECT player_1_report, player_1_report_rev FROM matches_1v1 WHERE id = ${found.matchId}`))[0]).toMatchObject({ player_1_report: 'lost', player_1_report_rev: 2 });
    await play.report(found.sc2, found.dm.sc2, 'I won');
  });

  it('refuses every admin command from a non-admin before anything runs', async () => {
    const fay = await play.player('Fay');
    const before = await state();
    const options: Record<string, Record<string, string | number | DriverUser>> = {
      player: { user: fay },
      match: { id: 1 },
      resolve: { match: 1, result: 'draw', reason: '@everyone look' },
      rating: { user: fay, race: 'bw_zerg', value: 5000, reason: '@everyone look' },
      'reset-aborts': { user: fay, reason: '@everyone look' },
      unqueue: { user: fay, reason: '@everyone look' },
      'clear-queue': { reason: '@everyone look' },
      free: { user: fay, reason: '@everyone look' },
      ban: { user: admin, reason: '@everyone look' },
      unban: { user: fay, reason: '@everyone look' },
    };
    expect(Object.keys(options).sort()).toEqual(ADMIN_SUBCOMMANDS.map((subcommand) => subcommand.name).sort());
    for (const [subcommand, given] of Object.entries(options)) {
      const outcome = await fay.runCommand(`admin ${subcommand}`, given);
      expectRefusal(fay, outcome, /Admins only/);
    }
    expect(await state()).toEqual(before);
  });

  it('keeps an admin\'s reason with mentions and markdown as typed, and pings nobody with it', async () => {
    const gus = await play.player('Gus');
    await admin.runCommand('admin ban', { user: gus, reason: '@everyone **banned** <@123456789012345678> for cause' });
    await admin.clickButton('Confirm', { messageId: e2e.driver.lastReply(admin.id)!.message.id });
    const [audit] = await db().query(`SELECT reason FROM admin_actions WHERE target_discord_id = '${gus.id}'`);
    expect(audit.reason).toBe('@everyone **banned** <@123456789012345678> for cause');
    const mentioned = [...e2e.emulator.state.messages.values()].filter((stored) => stored.message.mentions.some((user) => user.id === '123456789012345678'));
    expect(mentioned).toEqual([]);
    // Any message that does not say whom it may ping pings nobody.
    expect(e2e.app.get(Client).options.allowedMentions).toEqual({ parse: [] });
    await admin.runCommand('admin unban', { user: gus, reason: 'Lifted after review' });
    await admin.clickButton('Confirm', { messageId: e2e.driver.lastReply(admin.id)!.message.id });
  });

  it('refuses the admin HTTP API without the token, with a wrong one, and oversized or malformed bodies, with no stack trace', async () => {
    const http = () => request(e2e.app.getHttpServer());
    const before = await state();
    for (const path of ['/admin/stats', '/admin/pool', '/admin/queue', '/admin/actions', '/admin/audit', `/admin/players/${admin.id}`, '/admin/matches/1']) {
      for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', `Bearer ${ADMIN_TOKEN} extra`, "Bearer ' OR 1=1 --"]) {
        const call = http().get(path);
        const response = await (authorization ? call.set('Authorization', authorization) : call);
        expect({ path, authorization, status: response.status }).toEqual({ path, authorization, status: 401 });
        expect(response.text).not.toMatch(STACK_TRACE);
      }
    }
    const reload = () => http().post('/admin/static/reload').set('Authorization', `Bearer ${ADMIN_TOKEN}`).set('Content-Type', 'application/json');
    const oversized = await reload().send(`{"x":"${'y'.repeat(200_000)}"}`);
    expect(oversized.status).toBe(413);
    const malformed = await reload().send('{"x": ');
    expect(malformed.status).toBe(400);
    for (const response of [oversized, malformed]) expect(response.text).not.toMatch(STACK_TRACE);
    expect((await http().get("/admin/players/1' OR '1'='1").set('Authorization', `Bearer ${ADMIN_TOKEN}`)).status).toBe(400);
    expect(await state()).toEqual(before);
  });
});
