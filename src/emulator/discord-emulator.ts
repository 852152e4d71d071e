import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APIInteraction,
  APIMessageComponent,
  ApplicationFlags,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayReadyDispatchData,
} from 'discord.js';
import { BodyChecks } from './body-checks';
import { EmulatorClock } from './clock';
import { CommandRegistry } from './commands';
import { allComponents, customIdOf, isSelect } from './components';
import { FaultInjector } from './faults';
import { Gateway } from './gateway';
import { guildCreatePayload } from './guild';
import { InteractionPayloads, ResolvedIds } from './interaction-payloads';
import { Interactions } from './interactions';
import { RequestLogEntry, RestRouter } from './rest-router';
import { registerRoutes } from './rest-routes';
import { SnowflakeGenerator } from './snowflake';
import { EmulatorState, NewUser } from './state';
import type { EmulatedUser, EmulatorEvents, InteractionRecord, StoredMessage } from './types';
import { Violation, ViolationLog } from './violations';

export interface EmulatorOptions {
  /** the bot token it accepts; random by default */
  token?: string;
  botUsername?: string;
  guildName?: string;
  clock?: EmulatorClock;
  heartbeatIntervalMs?: number;
}

export interface StartOptions {
  /** 0 picks a free port */
  port?: number;
  host?: string;
}

export interface ComponentClick {
  userId: string;
  messageId: string;
  customId: string;
  /** for selects: option values, or ids for user, role, channel and mentionable selects */
  values?: string[];
}

/** Discord's REST API and gateway on one local port, for the real discord.js client. */
export class DiscordEmulator {
  readonly clock: EmulatorClock;
  /** Every interaction a driver waits on listens here until it finishes: a storm of clicks is many listeners, not a leak. */
  readonly events = new EventEmitter<EmulatorEvents>().setMaxListeners(0);
  readonly state: EmulatorState;
  readonly commands: CommandRegistry;
  readonly interactions: Interactions;
  readonly payloads: InteractionPayloads;
  readonly faults: FaultInjector;
  readonly token: string;
  private readonly violationLog: ViolationLog;
  private readonly bodyChecks: BodyChecks;
  private readonly server: Server;
  private readonly router: RestRouter;
  private readonly gateway: Gateway;
  private host = '127.0.0.1';
  private boundPort = 0;

  constructor(options: EmulatorOptions = {}) {
    this.clock = options.clock ?? new EmulatorClock();
    const ids = new SnowflakeGenerator(() => this.clock.now());
    this.state = new EmulatorState(ids, this.clock, this.events, {
      bot: options.botUsername ?? 'ladder-bot',
      guild: options.guildName ?? 'Ladder',
    });
    const tokenPart = (bytes: number) => randomBytes(bytes).toString('base64url');
    this.token = options.token ?? `${Buffer.from(this.state.bot.id).toString('base64url')}.${tokenPart(4)}.${tokenPart(20)}`;
    this.violationLog = new ViolationLog((violation) => this.events.emit('violation', violation));
    this.commands = new CommandRegistry(ids, this.applicationId);
    this.interactions = new Interactions(this.state, this.clock, this.violationLog, this.events);
    this.payloads = new InteractionPayloads(this.state, this.applicationId);
    this.server = createServer((req, res) => {
      this.router.handle(req, res).catch((error: unknown) => {
        console.error('[discord-emulator]', req.method, req.url, error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.gateway = new Gateway({
      server: this.server,
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ready: (sessionId, shard) => this.readyPayload(sessionId, shard),
      guildCreate: () => guildCreatePayload(this.state),
      onSession: (kind, sessionId) => this.events.emit('gatewaySession', kind, sessionId),
    });
    this.faults = new FaultInjector(this.gateway);
    this.bodyChecks = new BodyChecks(this.violationLog, (params) => params.interactionId ?? this.interactions.idForToken(params.token));
    this.router = new RestRouter(this.token, this.faults, this.bodyChecks, {
      onFault: (method, path, kind) => this.events.emit('fault', method, path, kind),
    });
    registerRoutes(this.router, {
      state: this.state,
      commands: this.commands,
      interactions: this.interactions,
      gatewayUrl: () => this.gatewayUrl,
    });
  }

  get applicationId(): string {
    return this.state.bot.id;
  }

  get guildId(): string {
    return this.state.guildId;
  }

  get ladderChannelId(): string {
    return this.state.ladderChannelId;
  }

  get adminChannelId(): string {
    return this.state.adminChannelId;
  }

  get port(): number {
    return this.boundPort;
  }

  /** what discord.js takes as `rest.api` */
  get apiBase(): string {
    return `http://${this.host}:${this.boundPort}/api`;
  }

  get gatewayUrl(): string {
    return `ws://${this.host}:${this.boundPort}/gateway`;
  }

  get connectedSessions(): number {
    return this.gateway.connectedSessions;
  }

  async start(options: StartOptions = {}): Promise<this> {
    this.host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(options.port ?? 0, this.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Rules the bot broke so far, including interactions left unanswered past 3 s. */
  violations(): Violation[] {
    this.interactions.sweepDeadlines();
    return this.violationLog.list();
  }

  clearViolations(): void {
    this.violationLog.clear();
  }

  /** How many JSON bodies were checked against Discord's OpenAPI spec, by operation (`POST /channels/{channel_id}/messages`). */
  checkedBodies(): Record<string, number> {
    return this.bodyChecks.counted();
  }

  requests(): RequestLogEntry[] {
    return [...this.router.log];
  }

  unknownRequests(): RequestLogEntry[] {
    return this.router.unknownRequests();
  }

  addUser(spec: NewUser): EmulatedUser {
    return this.state.addUser(spec);
  }

  /** A user with closed DMs makes the bot's DMs fail with 50007. */
  setDmsClosed(userId: string, closed: boolean): void {
    this.state.requireUser(userId).dmsClosed = closed;
  }

  dispatchInteraction(payload: APIInteraction): InteractionRecord {
    const record = this.interactions.open(payload);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return record;
  }

  /** A person's plain message, delivered as MESSAGE_CREATE to sessions with the matching intent. */
  postUserMessage(userId: string, channelId: string, content: string): StoredMessage {
    const user = this.state.requireUser(userId).user;
    const stored = this.state.createMessage({ channelId, author: user, body: { content } });
    const inDm = this.state.channels.get(channelId)?.channel.type === ChannelType.DM;
    const { user: _user, ...member } = this.state.member(userId) ?? {};
    const event = inDm ? stored.message : { ...stored.message, guild_id: this.guildId, member };
    this.gateway.dispatch(
      GatewayDispatchEvents.MessageCreate,
      event,
      inDm ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages,
    );
    return stored;
  }

  /**
   * Dispatches a click or selection as sent. Discord's client never sends a click on a disabled
   * component, so one arriving here (a forged or stale click) is recorded as a violation.
   */
  clickComponent(click: ComponentClick): InteractionRecord {
    const stored = this.state.messages.get(click.messageId);
    if (!stored || stored.deleted) throw new Error(`no message ${click.messageId}`);
    const component = allComponents(stored.message.components ?? []).find((c) => customIdOf(c) === click.customId);
    if (!component || !(component.type === ComponentType.Button || isSelect(component))) {
      throw new Error(`message ${click.messageId} has no component "${click.customId}"`);
    }
    const values = click.values ?? [];
    const payload = this.payloads.component(click.userId, stored.message, component, values, this.resolvedFor(component, values));
    if (component.disabled) {
      this.violationLog.record('disabled-component-click', `click on disabled component "${click.customId}"`, payload.id);
    }
    return this.dispatchInteraction(payload);
  }

  private resolvedFor(component: APIMessageComponent, values: string[]): ResolvedIds {
    const users = values.filter((id) => this.state.userObject(id));
    const roles = values.filter((id) => id === this.state.everyoneRole.id || id === this.state.adminRole.id);
    switch (component.type) {
      case ComponentType.UserSelect:
        return { users };
      case ComponentType.RoleSelect:
        return { roles };
      case ComponentType.MentionableSelect:
        return { users, roles };
      case ComponentType.ChannelSelect:
        return { channels: values };
      default:
        return {};
    }
  }

  private readyPayload(sessionId: string, shard: [number, number]): GatewayReadyDispatchData {
    return {
      v: 10,
      user: this.state.bot,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
  }
}
