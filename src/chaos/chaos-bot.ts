import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Completions, DiscordEmulator } from '../emulator';

/** The audit's answer (GET /admin/audit). */
export interface AuditAnswer {
  clean: boolean;
  violations: string[];
}

/**
 * The real bot (dist/main.js) in a process of its own, pointed at the emulator, started with an IPC
 * channel so that a crash point it holds at can say so, and killed with SIGKILL.
 */
export class ChaosBot {
  private child?: ChildProcess;
  private output = '';
  private partial = '';
  private onHeld?: (point: string) => void;

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly env: NodeJS.ProcessEnv,
    readonly adminToken: string,
    /** Each interaction a run has finished, from the line it logs for it. */
    private readonly completions: Completions,
  ) {}

  /** Starts a run (holding at `holdAt` when given) and resolves once it answers /health/ready. */
  async start(holdAt?: string): Promise<void> {
    const env = {
      ...process.env,
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_TOKEN: this.adminToken,
      DISCORD_TOKEN: this.emulator.token,
      DISCORD_API_BASE: this.emulator.apiBase,
      DISCORD_GUILD_ID: this.emulator.guildId,
      LADDER_CHANNEL_ID: this.emulator.ladderChannelId,
      ADMIN_CHANNEL_ID: this.emulator.adminChannelId,
      ...this.env,
      ...(holdAt && { CHAOS_HOLD_AT: holdAt }),
    };
    const started = this.output.length;
    this.child = fork(join(__dirname, '..', 'main.js'), [], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.read(chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.on('message', (message: { kind?: string; point?: string }) => message.kind === 'held' && this.onHeld?.(message.point!));
    await this.untilReady(started);
  }

  /** Resolves with the point once this run holds at it. */
  held(): Promise<string> {
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.onHeld = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** This run's HTTP API. */
  async get(path: string): Promise<Response> {
    return fetch(`${this.base()}${path}`, { headers: { Authorization: `Bearer ${this.adminToken}` } });
  }

  async audit(): Promise<AuditAnswer> {
    const response = await this.get('/admin/audit');
    if (!response.ok) throw new Error(`GET /admin/audit answered ${response.status}`);
    return (await response.json()) as AuditAnswer;
  }

  log(): string {
    return this.output;
  }

  private base(): string {
    const port = [...this.output.matchAll(/serving HTTP on http:\/\/[\d.]+:(\d+)/g)].at(-1)?.[1];
    if (!port) throw new Error('The bot does not serve HTTP yet');
    return `http://127.0.0.1:${port}`;
  }

  private read(text: string): void {
    this.output += text;
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"msg":"interaction"')) continue;
      const { interaction } = JSON.parse(line) as { interaction?: string };
      if (interaction) this.completions.finish(interaction);
    }
  }

  private async untilReady(from: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const port = /serving HTTP on http:\/\/[\d.]+:(\d+)/.exec(this.output.slice(from))?.[1];
      const commands = this.emulator.commands.list(this.emulator.guildId).length > 0;
      const redrawn = this.output.slice(from).includes('Match DMs drawn again after the restart');
      if (port && commands && redrawn && (await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false))) return;
      if (!this.running()) throw new Error(`The bot exited before it was ready:\n${this.output.slice(from)}`);
      if (Date.now() > deadline) throw new Error(`The bot did not become ready:\n${this.output.slice(from)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
