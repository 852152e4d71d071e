import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { DiscordEmulator } from '../emulator/discord-emulator';

export interface BotMemory {
  heapUsed: number;
  rss: number;
}

/** The bot in a child process of its own (bot-child.ts), connected to `emulator`, with its environment. */
export class ForkedBot {
  private child?: ChildProcess;

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts it and resolves with the milliseconds from the fork to its client being ready. */
  async start(): Promise<number> {
    const started = performance.now();
    const env = {
      ...process.env,
      LOG_LEVEL: 'warn',
      TIMERS: 'manual',
      ...this.env,
      DISCORD_TOKEN: this.emulator.token,
      DISCORD_API_BASE: this.emulator.apiBase,
      DISCORD_GUILD_ID: this.emulator.guildId,
      LADDER_CHANNEL_ID: this.emulator.ladderChannelId,
      ADMIN_CHANNEL_ID: this.emulator.adminChannelId,
    };
    this.child = fork(join(__dirname, 'bot-child.js'), [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await this.next('ready');
    await new Promise<void>((resolve) => {
      const check = () => (this.emulator.commands.list(this.emulator.guildId).length > 0 ? resolve() : setTimeout(check, 20));
      check();
    });
    return performance.now() - started;
  }

  async memory(): Promise<BotMemory> {
    const reply = this.next('memory');
    this.child!.send('memory');
    return (await reply) as BotMemory;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    await exited;
  }

  private next(kind: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const child = this.child!;
      const onMessage = (message: { kind: string }) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage).off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`the bot exited (${code}) before "${kind}"`));
      child.on('message', onMessage).once('exit', onExit);
    });
  }
}
