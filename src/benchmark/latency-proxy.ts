import { AddressInfo, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy on loopback that holds every chunk `delayMs` in each direction (order kept), like a
 * database across a network, and counts round trips: a client chunk that follows server data, or
 * opens a connection, starts one.
 */
export class LatencyProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  roundTrips = 0;
  private pending = 0;
  private lastActivity = 0;
  private state: 'open' | 'cut' | 'stalled' = 'open';
  private held: Array<() => void> = [];

  constructor(
    private readonly target: { host: string; port: number },
    private readonly delayMs: number,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The database gone: every connection reset, new ones refused, until `restore`. */
  cut(): void {
    this.state = 'cut';
    this.sockets.forEach((socket) => socket.destroy());
  }

  /** The network silently stopped: nothing crosses until `restore`, then everything held does, in order. */
  stall(): void {
    this.state = 'stalled';
  }

  restore(): void {
    const held = this.held;
    this.held = [];
    this.state = 'open';
    held.forEach((work) => work());
  }

  private connect(client: Socket): void {
    if (this.state === 'cut') {
      client.destroy();
      return;
    }
    const server = new Socket();
    let serverSpokeLast = true;
    for (const socket of [client, server]) {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => {
      if (serverSpokeLast) this.roundTrips += 1;
      serverSpokeLast = false;
      this.later(() => server.write(chunk));
    });
    server.on('data', (chunk) => {
      serverSpokeLast = true;
      this.later(() => client.write(chunk));
    });
    client.on('close', () => this.later(() => server.destroy()));
    server.on('close', () => this.later(() => client.destroy()));
    server.connect(this.target.port, this.target.host);
  }

  /** Resolves once nothing has crossed the proxy for `quietMs`: the bot's work after a step (writes after the acknowledgement) is over. */
  async idle(quietMs: number): Promise<void> {
    while (this.pending > 0 || performance.now() - this.lastActivity < quietMs) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Timers of equal delay fire in the order they were set, which keeps each stream in order. */
  private later(work: () => void): void {
    if (this.state === 'stalled') {
      this.held.push(() => this.later(work));
      return;
    }
    this.lastActivity = performance.now();
    if (this.delayMs === 0) return work();
    this.pending += 1;
    setTimeout(() => {
      this.pending -= 1;
      this.lastActivity = performance.now();
      work();
    }, this.delayMs);
  }
}
