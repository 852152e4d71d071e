import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { TestDatabaseConfig } from './test-database';
import { Completions, DiscordEmulator } from '../../src/emulator';

const ROOT = resolve(__dirname, '..', '..');

/** The bot as its own process (src/main.ts through ts-node), so a test can kill and restart it. */
export class BotProcess {
  private child?: ChildProcess;
  private output = '';

  /** Each interaction the process has finished handling, from the line it logs for each. */
  readonly completions = new Completions();

  private constructor(private readonly setting: NodeJS.ProcessEnv) {}

  /** The bot pointed at an emulator of the test's, on the test's database. */
  static against(emulator: DiscordEmulator, database: TestDatabaseConfig): BotProcess {
    return new BotProcess({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_BASE: emulator.apiBase,
      DISCORD_GUILD_ID: emulator.guildId,
      DATABASE_URL: database.driver === 'postgres' ? database.url : '',
      SQLITE_PATH: database.driver === 'sqlite' ? database.path : '',
    });
  }

  /** The bot with no token: its own emulator and sandbox page, on this SQLite file. */
  static sandbox(sqlitePath: string): BotProcess {
    return new BotProcess({ DISCORD_TOKEN: '', DISCORD_API_BASE: '', DISCORD_GUILD_ID: '', DATABASE_URL: '', SQLITE_PATH: sqlitePath, SANDBOX_PORT: '0' });
  }

  /** Starts the bot; `overrides` replace its environment's variables (an empty value unsets one). */
  start(overrides: NodeJS.ProcessEnv = {}): void {
    const env = {
      ...process.env,
      ...this.setting,
      HOST: '127.0.0.1',
      PORT: '0',
      TS_NODE_TRANSPILE_ONLY: 'true',
      LOG_LEVEL: 'info',
      ...overrides,
    };
    this.child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach((line) => this.noteCompletion(line));
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  private noteCompletion(line: string): void {
    if (!line.includes('"msg":"interaction"')) return;
    const { interaction } = JSON.parse(line) as { interaction?: string };
    if (interaction) this.completions.finish(interaction);
  }

  log(): string {
    return this.output;
  }

  /** Resolves once this run answers /health/ready (database, static data and the Discord gateway all up). */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const served = this.output.length;
    for (;;) {
      const port = /serving HTTP on http:\/\/[\d.]+:(\d+)/.exec(this.output.slice(served))?.[1];
      if (port && (await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false))) return;
      if (Date.now() > deadline) throw new Error(`The bot process did not become ready:\n${this.output.slice(served)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the exit code once the process ends by itself. */
  async exited(): Promise<number | null> {
    const child = this.child;
    if (!child) throw new Error('The bot process was never started');
    if (child.exitCode !== null) return child.exitCode;
    const [code] = (await once(child, 'exit')) as [number | null];
    return code;
  }

  /** The HTTP address the latest run serves, once it says so. */
  httpBase(): string | undefined {
    const port = [...this.output.matchAll(/serving HTTP on http:\/\/[\d.]+:(\d+)/g)].at(-1)?.[1];
    return port ? `http://127.0.0.1:${port}` : undefined;
  }

  /** The sandbox page's address, once the latest run prints it. */
  sandboxUrl(): string | undefined {
    return [...this.output.matchAll(/Sandbox: open (http:\/\/[\d.]+:\d+) /g)].at(-1)?.[1];
  }

  /** Stops the bot as an operator does (SIGTERM), once it has ended. */
  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  // A bot stopped by a signal ends by that signal (no exit code), so "running" looks at both.
  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running()) return;
    const exit = once(child, 'exit');
    child.kill(signal);
    await exit;
  }
}
