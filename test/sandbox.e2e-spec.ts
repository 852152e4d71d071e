import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { APIButtonComponent, APIStringSelectComponent } from 'discord.js';
import { ComponentType } from 'discord.js';
import { DataSource } from 'typeorm';
import { DriverUser } from '../src/emulator';
import { readPracticeChoices } from '../src/sandbox/practice/practice-choices';
import { PracticeOpponents } from '../src/sandbox/practice/practice-opponents';
import { SandboxServer } from '../src/sandbox/sandbox-server';
import type { SandboxMessage, SandboxSnapshot } from '../src/sandbox/sandbox-view';
import { E2e, startE2eWithAdmin } from './support/e2e';
import { EventStream } from './support/event-stream';
import { testDriver } from './support/test-database';

const ROOT = resolve(__dirname, '..');

const buttonsOf = (message: SandboxMessage) => message.components.flatMap((row) => row.components).filter((c): c is APIButtonComponent => c.type === ComponentType.Button);
const selectsOf = (message: SandboxMessage) => message.components.flatMap((row) => row.components).filter((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect);
const customIdOf = (message: SandboxMessage, label: string) => {
  const button = buttonsOf(message).find((candidate) => 'label' in candidate && candidate.label === label);
  if (!button || !('custom_id' in button)) throw new Error(`no button "${label}"`);
  return button.custom_id;
};

describe(`the sandbox page's server (${testDriver()})`, () => {
  let e2e: E2e;
  let admin: DriverUser;
  let ana: DriverUser;
  let ben: DriverUser;
  let server: SandboxServer;
  let base: string;
  let pageDir: string;
  const streams: EventStream[] = [];

  const open = async (person: DriverUser) => {
    const stream = await EventStream.open(`${base}/api/events?as=${person.id}`);
    streams.push(stream);
    return stream;
  };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const messageEvent = (stream: EventStream, what: string, match: (message: SandboxMessage) => boolean, from = 0) =>
    stream.next<SandboxMessage>(what, (event) => event.event === 'message' && match(event.data as SandboxMessage), from);

  beforeAll(async () => {
    pageDir = mkdtempSync(join(tmpdir(), 'ladder-sandbox-page-'));
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-sandbox-page.mjs'), pageDir], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`the page did not build: ${built.stderr}`);
    ({ e2e, admin } = await startE2eWithAdmin('admin'));
    ana = e2e.driver.createUser('ana');
    ben = e2e.driver.createUser('ben');
    const practice = new PracticeOpponents(e2e.driver, admin, await readPracticeChoices(join(ROOT, 'data/static')), 0);
    server = new SandboxServer(e2e.driver, [ana, ben, admin], [admin.id], pageDir, practice);
    base = await server.start('127.0.0.1', 0);
  });

  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await server?.stop();
    await e2e?.close();
    rmSync(pageDir, { recursive: true, force: true });
  });

  it('serves the page, and the bundle of its Discord components that the build made', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<script type="module" src="\/sandbox\.js">/);
    const bundle = await fetch(`${base}/sandbox.js`);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    const code = await bundle.text();
    for (const element of ['discord-message', 'discord-embed', 'discord-button', 'discord-string-select-menu']) expect(code).toContain(`"${element}"`);
    expect((await fetch(`${base}/sandbox.css`)).status).toBe(200);
    expect((await fetch(`${base}/../package.json`)).status).toBe(404);
  });

  it('opens each stream with what that person sees: their channels, the commands offered to them, whom they can act as', async () => {
    const forAna = (await (await open(ana)).next<SandboxSnapshot>('ana\'s snapshot', (event) => event.event === 'snapshot'));
    const forAdmin = (await (await open(admin)).next<SandboxSnapshot>('the admin\'s snapshot', (event) => event.event === 'snapshot'));

    const newcomer = await EventStream.open(`${base}/api/events?as=`);
    streams.push(newcomer);
    const forNewcomer = await newcomer.next<SandboxSnapshot>("a first visit's snapshot", (event) => event.event === 'snapshot');
    expect(forNewcomer.viewer).toBe(ana.id);
    expect(forAna.users).toEqual([
      { id: ana.id, username: 'ana', admin: false },
      { id: ben.id, username: 'ben', admin: false },
      { id: admin.id, username: 'admin', admin: true },
    ]);
    expect(forAna.channels.map((channel) => channel.name)).toEqual(['ladder']);
    expect(forAdmin.channels.map((channel) => channel.name)).toEqual(['ladder', 'ladder-admin']);
    const registered = e2e.emulator.commands.list(e2e.emulator.guildId).map((command) => command.name);
    // Discord lists /admin to everyone (the bot refuses non-admins itself), so the page does too.
    expect(forAdmin.commands.map((command) => command.name)).toEqual([...registered].sort());
    expect(forAna.commands.map((command) => command.name)).toEqual([...registered].sort());
    expect(forAna.commands.find((command) => command.name === 'help')).toEqual({ name: 'help', description: expect.any(String), options: [] });
    expect(forAna.commands.find((command) => command.name === 'setcountry')?.options).toEqual([expect.objectContaining({ name: 'country', required: true, autocomplete: true })]);
  });

  it("runs a command as the chosen person: its answer reaches only them, and their click on it acts as them", async () => {
    const anaSees = await open(ana);
    const benSees = await open(ben);

    expect(await post('/api/command', { as: ana.id, name: 'termsofservice' })).toEqual({ status: 202, body: { interactionId: expect.any(String), modal: null } });
    const terms = await messageEvent(anaSees, 'the terms', (message) => message.embeds[0]?.title?.startsWith('Terms of service') === true);
    expect(terms).toMatchObject({ channelId: e2e.emulator.ladderChannelId, onlyYou: true, author: { bot: true } });

    const clicked = await post('/api/component', { as: ana.id, messageId: terms.id, customId: customIdOf(terms, 'Accept') });
    expect(clicked.status).toBe(202);
    const accepted = await messageEvent(anaSees, 'the answer to Accept', (message) => message.id === terms.id && message.embeds[0]?.title === 'Terms accepted');
    expect(accepted.components).toEqual([]);
    const [row] = await e2e.app.get(DataSource).query(`SELECT terms_version FROM players WHERE discord_id = '${ana.id}'`);
    expect(row).toEqual({ terms_version: '1' });
    expect(benSees.events.some((event) => (event.data as { id?: string }).id === terms.id)).toBe(false);
  });

  it('chooses several options in a select, through the emulator, and the page gets the message as the bot redrew it', async () => {
    const anaSees = await open(ana);
    await post('/api/command', { as: ana.id, name: 'leaderboard' });
    const board = await messageEvent(anaSees, 'the leaderboard', (message) => selectsOf(message).some((select) => select.placeholder === 'Races: all'));
    const races = selectsOf(board).find((select) => select.placeholder === 'Races: all')!;
    const picked = races.options.slice(0, 2).map((option) => option.value);
    const from = anaSees.events.length;

    expect((await post('/api/component', { as: ana.id, messageId: board.id, customId: races.custom_id, values: picked })).status).toBe(202);
    const redrawn = await messageEvent(anaSees, 'the filtered leaderboard', (message) => message.id === board.id && message.editedAt !== null, from);
    const shownRaces = selectsOf(redrawn).find((select) => select.options.some((option) => option.default))!;
    expect(shownRaces.options.filter((option) => option.default).map((option) => option.value)).toEqual(picked);
  });

  it('refuses, naming why, what a Discord client would not let the person do', async () => {
    const anaSees = await open(ana);
    await post('/api/command', { as: ana.id, name: 'termsofservice' });
    const terms = await messageEvent(anaSees, 'the terms again', (message) => message.embeds[0]?.title?.startsWith('Terms of service') === true && buttonsOf(message).length > 0);
    await post('/api/command', { as: ana.id, name: 'leaderboard' });
    const board = await messageEvent(anaSees, 'a leaderboard', (message) => buttonsOf(message).some((button) => 'label' in button && button.label === 'Previous'));
    const races = selectsOf(board).find((select) => select.placeholder?.startsWith('Races'))!;

    const refusals = await Promise.all([
      post('/api/component', { as: '123', messageId: terms.id, customId: customIdOf(terms, 'Accept') }),
      post('/api/component', { as: ben.id, messageId: terms.id, customId: customIdOf(terms, 'Accept') }),
      post('/api/component', { as: ana.id, messageId: terms.id, customId: 'terms/accept/forged/0' }),
      post('/api/component', { as: ana.id, messageId: board.id, customId: customIdOf(board, 'Previous') }),
      post('/api/component', { as: ana.id, messageId: board.id, customId: races.custom_id, values: ['no-such-race'] }),
      post('/api/component', { as: ana.id, messageId: board.id, customId: races.custom_id, values: [...races.options.map((option) => option.value), 'extra'] }),
      post('/api/command', { as: ana.id, name: 'setcountry' }),
      post('/api/command', { as: ana.id, name: 'nosuch' }),
      post('/api/command', { as: ana.id, name: '../admin' }),
      post('/api/component', '{not json'),
    ]);

    expect(refusals.map(({ status, body }) => [status, body.error])).toEqual([
      [400, 'no sandbox user 123'],
      [400, `ben cannot see message ${terms.id}`],
      [400, 'the message has no component "terms/accept/forged/0"'],
      [400, 'it is disabled'],
      [400, 'the select offers no option "no-such-race"'],
      [400, `choose 0 to ${races.max_values} options`],
      [400, 'ana cannot run /setcountry: option country is required'],
      [400, '/nosuch is not offered to ana'],
      [400, 'name must be a command name'],
      [400, 'the request body is not JSON'],
    ]);
    expect(e2e.emulator.violations()).toEqual([]);
  });

  it('runs a command with options, suggesting as the person types from the bot\'s own autocomplete', async () => {
    const anaSees = await open(ana);
    const suggested = await post('/api/autocomplete', { as: ana.id, name: 'setcountry', option: 'country', typed: 'korea' });
    expect(suggested.status).toBe(200);
    const choices = suggested.body.choices as Array<{ name: string; value: string }>;
    expect(choices.map((choice) => choice.value)).toContain('KR');

    expect((await post('/api/command', { as: ana.id, name: 'setcountry', options: { country: 'KR' } })).status).toBe(202);
    const preview = await messageEvent(anaSees, 'the country preview', (message) => message.embeds[0]?.title === 'Change your country?');
    expect(preview.embeds[0].description).toMatch(/South Korea/);
    expect((await post('/api/autocomplete', { as: ana.id, name: 'setcountry', option: 'nosuch', typed: 'x' })).status).toBe(400);
  });

  it('runs an admin subcommand with a user option, for the admin', async () => {
    const adminSees = await open(admin);
    expect((await post('/api/command', { as: admin.id, name: 'admin player', options: { user: { id: ana.id } } })).status).toBe(202);
    const card = await messageEvent(adminSees, "ana's admin card", (message) => message.embeds.some((embed) => JSON.stringify(embed).includes('ana')));
    expect(card.onlyYou).toBe(true);
  });

  it('hands back the modal the bot opened, pre-filled, and submits it through the emulator, which holds it to its limits', async () => {
    const anaSees = await open(ana);
    const opened = await post('/api/command', { as: ana.id, name: 'setup' });
    const modal = opened.body.modal as { title: string; fields: Array<{ label: string; maxLength?: number; required: boolean }> };
    expect(modal.title).toBe('Ladder profile');
    expect(modal.fields.map((field) => field.label)).toEqual(['Player name', 'BattleTag', 'Alt name 1', 'Alt name 2']);

    const tooLong = 'x'.repeat((modal.fields[0].maxLength ?? 100) + 1);
    const refused = await post('/api/modal', { as: ana.id, answers: { 'Player name': tooLong, BattleTag: 'Ana#1234' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/Player name/);

    // A refused submission leaves the form open, as Discord's client does.
    const submitted = await post('/api/command', { as: ana.id, name: 'setup' }).then(() => post('/api/modal', { as: ana.id, answers: { 'Player name': 'Anastasia', BattleTag: 'Ana#1234' } }));
    expect(submitted).toEqual({ status: 202, body: { interactionId: expect.any(String), modal: null } });
    await messageEvent(anaSees, 'the next setup step', (message) => JSON.stringify(message.embeds).includes('Anastasia'));

    await post('/api/command', { as: ana.id, name: 'setup' });
    expect(await post('/api/modal/dismiss', { as: ana.id })).toEqual({ status: 200, body: { dismissed: true } });
    expect((await post('/api/modal', { as: ana.id, answers: {} })).body.error).toMatch(/no modal is open/);
  });

  it('adds a person by name, whom every open page can then act as', async () => {
    const benSees = await open(ben);
    const added = await post('/api/users', { username: 'zoe' });
    expect(added).toEqual({ status: 201, body: { id: expect.any(String), username: 'zoe', admin: false } });
    const users = await benSees.next<Array<{ username: string }>>('the new user list', (event) => event.event === 'users');
    expect(users.map((user) => user.username)).toEqual(['ana', 'ben', 'admin', 'zoe']);

    expect((await post('/api/command', { as: added.body.id, name: 'help' })).status).toBe(202);
    expect(await post('/api/users', { username: 'zoe' })).toEqual({ status: 400, body: { error: 'zoe is already here' } });
    expect((await post('/api/users', { username: 'Not Valid!' })).body.error).toMatch(/username must be 2 to 32 lowercase/);
  });

  it("streams the emulator's rule violations to the page as they happen", async () => {
    const anaSees = await open(ana);
    await post('/api/command', { as: ana.id, name: 'leaderboard' });
    const board = await messageEvent(anaSees, 'a leaderboard', (message) => buttonsOf(message).some((button) => 'label' in button && button.label === 'Previous' && button.disabled === true));

    // What no Discord client sends: a click on a disabled button, as a forger would.
    e2e.emulator.clickComponent({ userId: ana.id, messageId: board.id, customId: customIdOf(board, 'Previous') });

    const violation = await anaSees.next<{ rule: string }>('the violation', (event) => event.event === 'violation');
    expect(violation.rule).toBe('disabled-component-click');
    e2e.emulator.clearViolations();
  });
});
