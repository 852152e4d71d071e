import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { subscribe } from '../emulator/events';
import { RefusedAction } from '../emulator';
import type { DiscordEmulator, DriverUser, StoredMessage } from '../emulator';
import { actOnComponent, ComponentAction, RefusedSandboxAction } from './sandbox-actions';
import { sandboxUserOf } from './sandbox-users';
import { channelsFor, commandsFor, messageView, sees, SandboxUser, snapshotFor } from './sandbox-view';

/** The files the page is made of, by the path the browser asks for. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sandbox.js': { file: 'sandbox.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox.css': { file: 'sandbox.css', type: 'text/css; charset=utf-8' },
};

const MAX_BODY_BYTES = 16 * 1024;
/** Keeps idle event streams open through proxies; the page itself never polls. */
const HEARTBEAT_MS = 15_000;

/**
 * The sandbox page's own listener: the emulator's guild as a person sees it, live (server-sent events),
 * and the person's clicks, sent through the emulator's paths as the user chosen in the page.
 */
export class SandboxServer {
  private readonly server: Server = createServer((request, response) => void this.route(request, response));
  private readonly streams = new Set<ServerResponse>();

  private readonly users: SandboxUser[];

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly people: readonly DriverUser[],
    adminIds: readonly string[],
    private readonly publicDir: string,
  ) {
    this.users = people.map((person) => sandboxUserOf(person, adminIds));
  }

  async start(host: string, port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => this.server.once('error', reject).listen(port, host, () => resolve()));
    const address = this.server.address() as AddressInfo;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }

  async stop(): Promise<void> {
    this.streams.forEach((stream) => stream.end());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    try {
      if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
      if (request.method === 'GET' && url.pathname === '/api/events') return this.stream(url.searchParams.get('as') ?? '', response);
      if (request.method === 'POST' && url.pathname === '/api/component') return this.act(await readJson(request), response);
      if (request.method === 'POST' && url.pathname === '/api/command') return await this.run(await readJson(request), response);
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

  private act(body: unknown, response: ServerResponse): void {
    send(response, 202, actOnComponent(this.emulator, this.users, componentAction(body)));
  }

  /** Runs a command that needs no options as the person would type it: through the driver the tests use. */
  private async run(body: unknown, response: ServerResponse): Promise<void> {
    const { as, name } = (body ?? {}) as Record<string, unknown>;
    const person = this.people.find((candidate) => candidate.id === as);
    if (!person) throw new BadRequest(`no sandbox user "${String(as)}"`);
    if (typeof name !== 'string' || !/^[\w-]{1,32}$/.test(name)) throw new BadRequest('name must be a command name');
    const offered = this.commandsFor(person.id).find((command) => command.name === name);
    if (!offered) throw new RefusedSandboxAction(`/${name} is not offered to ${person.username}`);
    if (offered.needsOptions) throw new RefusedSandboxAction(`/${name} needs options`);
    const outcome = await person.runCommand(name);
    send(response, 202, { interactionId: outcome.interactionId });
  }

  private commandsFor(viewer: string) {
    return commandsFor(this.emulator.state, viewer, this.emulator.commands.list(this.emulator.guildId));
  }

  /** The stream of what `asked` sees; a page that names nobody it knows (a first visit) watches the first user. */
  private stream(asked: string, response: ServerResponse): void {
    const viewer = this.users.some((user) => user.id === asked) ? asked : this.users[0].id;
    const { state } = this.emulator;
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const event = (name: string, data: unknown) => response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    event('snapshot', snapshotFor(state, viewer, this.users, this.commandsFor(viewer), this.emulator.violations()));
    const knownChannels = new Set(channelsFor(state, viewer).map((channel) => channel.id));

    const changed = (stored: StoredMessage) => {
      if (!sees(state, viewer, stored)) return stored.deleted && event('delete', { id: stored.message.id });
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
    this.streams.add(response);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe.forEach((stop) => stop());
      this.streams.delete(response);
    });
  }
}

class BadRequest extends Error {}
class PageNotBuilt extends Error {}

function componentAction(body: unknown): ComponentAction {
  const { as, messageId, customId, values } = (body ?? {}) as Record<string, unknown>;
  const text = (value: unknown, name: string) => {
    if (typeof value !== 'string' || value === '') throw new BadRequest(`${name} must be a non-empty string`);
    return value;
  };
  if (values !== undefined && (!Array.isArray(values) || !values.every((value) => typeof value === 'string'))) throw new BadRequest('values must be a list of strings');
  return { as: text(as, 'as'), messageId: text(messageId, 'messageId'), customId: text(customId, 'customId'), ...(values !== undefined && { values: values as string[] }) };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('the request body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('the request body is not JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
