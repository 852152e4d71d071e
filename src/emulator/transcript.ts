import { ChannelType, InteractionResponseType } from 'discord.js';
import type { DiscordEmulator } from './discord-emulator';
import { subscribe } from './events';
import { callbackName } from './interactions';
import { renderMessage } from './render';
import type { EmulatorEvents, InteractionRecord, StoredMessage } from './types';

type Listener = (line: string) => void;

/** The conversation as readable chat lines: what people did, what the bot answered and how fast. */
export class Transcript {
  private readonly entries: string[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly detachers: (() => void)[] = [];

  constructor(private readonly emulator: DiscordEmulator) {
    this.on('messageCreate', (stored) => this.add(`${this.author(stored)} → ${this.where(stored)}: ${this.text(stored)}`));
    this.on('messageUpdate', (stored) => this.add(`${this.author(stored)} edited → ${this.where(stored)}: ${this.text(stored)}`));
    this.on('messageDelete', (stored) => this.add(`${this.author(stored)} deleted a message in ${this.where(stored)}`));
    this.on('interactionResponse', (record) => record.response && this.add(this.ackLine(record, record.response)));
    this.on('violation', (v) => this.add(`VIOLATION ${v.rule}: ${v.detail}`));
    this.on('fault', (method, path, kind) => this.add(`fault: ${kind} on ${method} ${path}`));
    this.on('gatewaySession', (kind) => this.add(`gateway: session ${kind}`));
  }

  add(line: string): void {
    this.entries.push(line);
    for (const listener of this.listeners) listener(line);
  }

  lines(): string[] {
    return [...this.entries];
  }

  toString(): string {
    return this.entries.join('\n');
  }

  /** Calls the listener with every new line; returns the unsubscribe function. */
  onLine(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const detach of this.detachers) detach();
    this.listeners.clear();
  }

  private on<K extends keyof EmulatorEvents>(event: K, handler: (...args: EmulatorEvents[K]) => void): void {
    this.detachers.push(subscribe(this.emulator.events, event, handler));
  }

  private ackLine(record: InteractionRecord, response: NonNullable<InteractionRecord['response']>): string {
    const ms = Math.round(response.perf - record.dispatchedPerf);
    let what = callbackName(response.type);
    if (response.type === InteractionResponseType.Modal && record.modal) what += ` "${record.modal.title}"`;
    if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      what += `: ${(record.choices ?? []).map((c) => c.name).join(', ') || 'no choices'}`;
    }
    return `ack ${ms} ms (${what})`;
  }

  private author(stored: StoredMessage): string {
    return stored.message.author.bot ? 'bot' : stored.message.author.username;
  }

  private where(stored: StoredMessage): string {
    const state = this.emulator.state;
    const channel = state.channels.get(stored.message.channel_id);
    if (stored.visibleTo) return `${state.userObject(stored.visibleTo)?.username ?? stored.visibleTo} (ephemeral)`;
    if (channel?.channel.type === ChannelType.DM) {
      return `${state.userObject(channel.recipientId ?? '')?.username ?? 'someone'} (DM)`;
    }
    return `#${channel?.channel.name ?? stored.message.channel_id}`;
  }

  private text(stored: StoredMessage): string {
    return renderMessage(stored.message).split('\n').join('\n    ');
  }
}
