import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { subscribe } from '../emulator/events';
import { RefusedAction } from '../emulator';
import type { DiscordDriver, DriverUser, InteractionOutcome, OpenModal, StoredMessage } from '../emulator';
import { actOnComponent, RefusedSandboxAction } from './sandbox-actions';
import type { PracticeOpponents } from './practice/practice-opponents';
import type { PracticeOpponentView } from './practice/practice-opponent';
import { autocompleteRequest, BadRequest, commandRequest, componentAction, modalRequest, newUserRequest, practiceRequest, readJson } from './sandbox-requests';
import { sandboxUserOf } from './sandbox-users';
import { channelsFor, commandsFor, messageView, SandboxUser, snapshotFor } from './sandbox-view';

/** The files the page is made of, by the path the browser asks for. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sandbox.js': { file: 'sandbox.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox.css': { file: 'sandbox.css', type: 'text/css; charset=utf-8' },
};

/** Keeps idle event streams open through proxies; the page itself never polls. */
const HEARTBEAT_MS = 15_000;

/** What an action answers: its interaction, and the modal the bot opened in reply, if it did. */
export interface ActionAnswer {
  interactionId: string;
  modal: OpenModal | null;
}

class PageNotBuilt extends Error {}

/**
 * The sandbox page's own listener: the emulator's guild as a person sees it, live (server-sent events),
 * and what the person does (commands, clicks, choices, modals) sent through the driver and the emulator
 * paths the tests use, as the user chosen in the page.
 */
export class SandboxServer {
  private readonly server: Server = createServer((request, response) => void this.route(request, response));
  private readonly streams = new Set<{ response: ServerResponse; send: (name: string, data: unknown) => void }>();
  private readonly people: DriverUser[];

  constructor(
    private readonly driver: DiscordDriver,
    people: readonly DriverUser[],
    private readonly adminIds: readonly string[],
    private readonly publicDir: string,
    private readonly practice: PracticeOpponents,
  ) {
    this.people = [...people];
    practice.onChange((opponents) => this.streams.forEach((stream) => stream.send('practice', opponents)));
  }

  private get emulator() {
    return this.driver.emulator;
  }

  async start(host: string, port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => this.server.once('error', reject).listen(port, host, () => resolve()));
    const address = this.server.address() as AddressInfo;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }

  async stop(): Promise<void> {
    this.streams.forEach(({ response }) => response.end());
    this.practice.dispose();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private users(): SandboxUser[] {
    return this.people.map((person) => sandboxUserOf(person, this.adminIds));
  }

  private person(id: string): DriverUser {
    const person = this.people.find((candidate) => candidate.id === id);
    if (!person) throw new RefusedSandboxAction(`no sandbox user ${id}`);
    return person;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const post = (path: string) => request.method === 'POST' && url.pathname === path;
    try {
      if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
      if (request.method === 'GET' && url.pathname === '/api/events') return this.stream(url.searchParams.get('as') ?? '', response);
      if (post('/api/component')) return send(response, 202, await this.click(await readJson(request)));
      if (post('/api/command')) return send(response, 202, await this.run(await readJson(request)));
      if (post('/api/autocomplete')) return send(response, 200, await this.suggest(await readJson(request)));
      if (post('/api/modal')) return send(response, 202, await this.submit(await readJson(request)));
      if (post('/api/modal/dismiss')) return send(response, 200, this.dismiss(await readJson(request)));
      if (post('/api/users')) return send(response, 201, this.addUser(await readJson(request)));
      if (post('/api/practice')) return send(response, 201, this.addPracticeOpponent(await readJson(request)));
      const asset = ASSETS[url.pathname];
      if (request.method === 'GET' && asset) {
        const body = await readFile(join(this.publicDir, asset.file)).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') throw new PageNotBuilt(`The sandbox page is not built in ${this.publicDir}: run npm run build (npm start does).`);
          throw error;
        });
        response.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' }).end(body);
        return;
      }
      send(response, 404, { error: 'not found' });
    } catch (error) {
      if (error instanceof RefusedSandboxAction || error instanceof RefusedAction || error instanceof BadRequest) return send(response, 400, { error: error.message });
      if (error instanceof PageNotBuilt) return send(response, 503, { error: error.message });
      send(response, 500, { error: String(error) });
    }
  }

  private answer(person: DriverUser, outcome: InteractionOutcome): ActionAnswer {
    return { interactionId: outcome.interactionId, modal: person.currentModal() ?? null };
  }

  /** A click or a choice, once the bot has answered it (a modal it opened comes back with the answer). */
  private async click(body: Record<string, unknown>): Promise<ActionAnswer> {
    const action = componentAction(body);
    const person = this.person(action.as);
    const record = actOnComponent(this.emulator, person, action);
    return this.answer(person, await this.driver.track(record, person.username, `use ${action.customId}`));
  }

  /** A command, with its options, as the person would type it: the driver refuses what Discord would. */
  private async run(body: Record<string, unknown>): Promise<ActionAnswer> {
    const { as, name, options } = commandRequest(body);
    const person = this.person(as);
    const [top] = name.split(' ');
    if (!this.commandsFor(person.id).some((command) => command.name === top)) throw new RefusedSandboxAction(`/${top} is not offered to ${person.username}`);
    return this.answer(person, await person.runCommand(name, options));
  }

  private async suggest(body: Record<string, unknown>): Promise<{ choices: Array<{ name: string; value: string | number }> }> {
    const { as, name, option, typed, options } = autocompleteRequest(body);
    const choices = await this.person(as).autocomplete(name, option, typed, options);
    return { choices: choices.map(({ name: label, value }) => ({ name: label, value })) };
  }

  /** The open modal's answers, by field label; the emulator holds them to Discord's limits. */
  private async submit(body: Record<string, unknown>): Promise<ActionAnswer> {
    const { as, answers } = modalRequest(body);
    const person = this.person(as);
    return this.answer(person, await person.fillModal(answers));
  }

  private dismiss(body: Record<string, unknown>): { dismissed: true } {
    this.person(String(body.as)).dismissModal();
    return { dismissed: true };
  }

  /** Someone new joins the guild; every open page learns they can act as them. */
  private addUser(body: Record<string, unknown>): SandboxUser {
    const { username } = newUserRequest(body);
    if (this.driver.hasUser(username)) throw new RefusedSandboxAction(`${username} is already here`);
    const person = this.driver.createUser(username);
    this.people.push(person);
    const users = this.users();
    this.streams.forEach((stream) => stream.send('users', users));
    return sandboxUserOf(person, this.adminIds);
  }

  /** A scripted player who joins the ladder and queues on its own; every open page follows what it does. */
  private addPracticeOpponent(body: Record<string, unknown>): PracticeOpponentView {
    return this.practice.add(practiceRequest(body, this.practice.choices));
  }

  private commandsFor(viewer: string) {
    return commandsFor(this.emulator.state, viewer, this.emulator.commands.list(this.emulator.guildId));
  }

  /** The stream of what `asked` sees; a page that names nobody it knows (a first visit) watches the first user. */
  private stream(asked: string, response: ServerResponse): void {
    const viewer = this.people.some((person) => person.id === asked) ? asked : this.people[0].id;
    const { state } = this.emulator;
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const event = (name: string, data: unknown) => response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    const practice = { choices: this.practice.choices, opponents: this.practice.views() };
    event('snapshot', snapshotFor(state, viewer, { users: this.users(), commands: this.commandsFor(viewer), violations: this.emulator.violations(), practice }));
    const knownChannels = new Set(channelsFor(state, viewer).map((channel) => channel.id));

    const changed = (stored: StoredMessage) => {
      if (!state.sees(viewer, stored)) return stored.deleted && event('delete', { id: stored.message.id });
      if (!knownChannels.has(stored.message.channel_id)) {
        knownChannels.add(stored.message.channel_id);
        event('channels', channelsFor(state, viewer));
      }
      event('message', messageView(stored));
    };
    const unsubscribe = [
      subscribe(this.emulator.events, 'messageCreate', changed),
      subscribe(this.emulator.events, 'messageUpdate', changed),
      subscribe(this.emulator.events, 'messageDelete', changed),
      subscribe(this.emulator.events, 'violation', (violation) => event('violation', violation)),
    ];
    const heartbeat = setInterval(() => response.write(': still here\n\n'), HEARTBEAT_MS);
    const stream = { response, send: event };
    this.streams.add(stream);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe.forEach((stop) => stop());
      this.streams.delete(stream);
    });
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
