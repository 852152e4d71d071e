import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayGuildCreateDispatchData,
  GatewayIntentBits,
  GatewayOpcodes,
  GatewayReadyDispatchData,
  GatewaySendPayload,
} from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';

interface DispatchFrame {
  op: GatewayOpcodes.Dispatch;
  t: GatewayDispatchEvents;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  /** recent dispatches, replayed on resume */
  log: DispatchFrame[];
  socket?: WebSocket;
  closedAt?: number;
}

export interface GatewayOptions {
  server: Server;
  token: string;
  heartbeatIntervalMs: number;
  ready(sessionId: string, shard: [number, number]): GatewayReadyDispatchData;
  guildCreate(): GatewayGuildCreateDispatchData;
  onSession(kind: 'ready' | 'resumed', sessionId: string): void;
}

export interface DisconnectOptions {
  /** a resumable close code by default, so discord.js resumes */
  code?: number;
  /** forget the session too: the resume is refused with op 9 and the client identifies again */
  invalidateSession?: boolean;
}

const REPLAY_LOG_SIZE = 1000;
/** how long a dropped session stays resumable, as on Discord's side */
const SESSION_TTL_MS = 60_000;
const CLIENT_CLOSED_SESSION = new Set([1000, 1001]);

/** The gateway: uncompressed JSON over ws, one shard, sessions that resume and replay. */
export class Gateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server: options.server, path: '/gateway' });
    this.wss.on('connection', (socket, request) => this.accept(socket, request.url ?? ''));
  }

  get connectedSessions(): number {
    return [...this.sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN).length;
  }

  /** Sends an event to every live or resumable session that asked for its intent. */
  dispatch(t: GatewayDispatchEvents, d: unknown, intent?: GatewayIntentBits): void {
    const now = Date.now();
    for (const session of this.sessions.values()) {
      if (!session.socket && session.closedAt !== undefined && now - session.closedAt > SESSION_TTL_MS) {
        this.sessions.delete(session.id);
      } else if (intent === undefined || (session.intents & intent) !== 0) {
        this.send(session, t, d);
      }
    }
  }

  disconnect(options: DisconnectOptions = {}): number {
    let closed = 0;
    for (const session of this.sessions.values()) {
      if (options.invalidateSession) this.sessions.delete(session.id);
      if (session.socket?.readyState === WebSocket.OPEN) {
        session.socket.close(options.code ?? GatewayCloseCodes.UnknownError, 'emulated disconnect');
        closed++;
      }
    }
    return closed;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, url: string): void {
    const version = new URL(url, 'http://gateway').searchParams.get('v');
    if (version !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    let session: Session | undefined;
    socket.on('message', (raw) => {
      let payload: GatewaySendPayload;
      try {
        payload = JSON.parse(raw.toString()) as GatewaySendPayload;
      } catch {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      if (payload.op === GatewayOpcodes.Heartbeat) {
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      } else if (payload.op === GatewayOpcodes.Identify || payload.op === GatewayOpcodes.Resume) {
        if (session) {
          socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        } else if (payload.d.token !== this.options.token) {
          socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
        } else if (payload.op === GatewayOpcodes.Identify) {
          session = this.identify(socket, payload.d.intents, payload.d.shard ?? [0, 1]);
        } else {
          session = this.resume(socket, payload.d.session_id, payload.d.seq);
        }
      } else if (!(payload.op in GatewayOpcodes)) {
        socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
      }
    });
    socket.on('close', (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = undefined;
      session.closedAt = Date.now();
      if (CLIENT_CLOSED_SESSION.has(code)) this.sessions.delete(session.id);
    });
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
  }

  private identify(socket: WebSocket, intents: number, shard: [number, number]): Session {
    const session: Session = { id: randomBytes(16).toString('hex'), intents, seq: 0, log: [], socket };
    this.sessions.set(session.id, session);
    this.send(session, GatewayDispatchEvents.Ready, this.options.ready(session.id, shard));
    if (intents & GatewayIntentBits.Guilds) {
      this.send(session, GatewayDispatchEvents.GuildCreate, this.options.guildCreate());
    }
    this.options.onSession('ready', session.id);
    return session;
  }

  private resume(socket: WebSocket, sessionId: string, seq: number): Session | undefined {
    const session = this.sessions.get(sessionId);
    const oldest = session?.log[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || seq + 1 < oldest) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return undefined;
    }
    const previous = session.socket;
    session.socket = socket;
    session.closedAt = undefined;
    previous?.terminate();
    for (const frame of session.log) {
      if (frame.s > seq) socket.send(JSON.stringify(frame));
    }
    this.send(session, GatewayDispatchEvents.Resumed, {});
    this.options.onSession('resumed', session.id);
    return session;
  }

  private send(session: Session, t: GatewayDispatchEvents, d: unknown): void {
    const frame: DispatchFrame = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.log.push(frame);
    if (session.log.length > REPLAY_LOG_SIZE) session.log.shift();
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(frame));
  }
}
