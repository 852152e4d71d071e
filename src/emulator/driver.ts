import { performance } from 'node:perf_hooks';
import { APIMessage, InteractionResponseType, Locale } from 'discord.js';
import type { Completions } from './completions';
import type { DiscordEmulator } from './discord-emulator';
import { DriverUser } from './driver-user';
import { subscribe } from './events';
import { callbackName } from './interactions';
import { renderMessage } from './render';
import { LIMITS } from './rules';
import { Transcript } from './transcript';
import type { InteractionRecord, StoredMessage } from './types';

export interface DriverOptions {
  /** how long an interaction must stay unchanged to count as finished (ms), when the bot cannot say */
  settleMs?: number;
  /** the bot's own word that it finished an interaction; with it, no quiet spell is waited for */
  completions?: Completions;
  /** how long to wait for an acknowledgement and quiet (ms) */
  timeoutMs?: number;
}

export interface InteractionOutcome {
  interactionId: string;
  acknowledged: boolean;
  /** the initial response: reply, deferReply, deferUpdate, update, showModal, autocomplete result */
  response?: string;
  /** ms from dispatch to the initial response */
  ackMs?: number;
  /** ms from dispatch to the last message change the interaction caused */
  lastChangeMs?: number;
  /** no initial response within 3 s: the person sees "This interaction failed" */
  failed: boolean;
  timedOut: boolean;
}

export interface InteractionTiming {
  interactionId: string;
  user: string;
  action: string;
  response?: string;
  ackMs?: number;
  lastChangeMs?: number;
}

export interface SeenMessage {
  channelId: string;
  messageId: string;
  /** the rendered message, as `renderMessage` gives it */
  text: string;
  message: APIMessage;
  /** the person who alone sees it, for ephemeral messages */
  visibleTo?: string;
  edited: boolean;
}

export interface NewDriverUser {
  /** A fixed id, for a person who must be the same from one run to the next. */
  id?: string;
  admin?: boolean;
  globalName?: string;
  locale?: Locale;
}

function seen(stored: StoredMessage, edited: boolean): SeenMessage {
  return {
    channelId: stored.message.channel_id,
    messageId: stored.message.id,
    text: renderMessage(stored.message),
    message: stored.message,
    visibleTo: stored.visibleTo,
    edited,
  };
}

/** Acts as people do against the emulator, and measures how the bot answers them. */
export class DiscordDriver {
  readonly transcript: Transcript;
  readonly settleMs: number;
  readonly timeoutMs: number;
  private readonly completions?: Completions;
  private readonly people = new Map<string, DriverUser>();
  private readonly timingList: InteractionTiming[] = [];
  private readonly modals = new Map<string, InteractionRecord>();
  private readonly replies = new Map<string, string>();
  private readonly stops: (() => void)[] = [];

  constructor(
    readonly emulator: DiscordEmulator,
    options: DriverOptions = {},
  ) {
    this.settleMs = options.settleMs ?? 75;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.completions = options.completions;
    this.transcript = new Transcript(emulator);
    const events = emulator.events;
    const noteReply = (stored: StoredMessage, cause: string | undefined) => {
      const userId = cause && emulator.interactions.get(cause)?.userId;
      if (userId) this.replies.set(userId, stored.message.id);
    };
    this.stops.push(
      subscribe(events, 'interactionResponse', (record) => {
        if (record.response?.type === InteractionResponseType.Modal) this.modals.set(record.userId, record);
      }),
      subscribe(events, 'messageCreate', noteReply),
      subscribe(events, 'messageUpdate', noteReply),
    );
  }

  openModal(userId: string): InteractionRecord | undefined {
    return this.modals.get(userId);
  }

  closeModal(userId: string): void {
    this.modals.delete(userId);
  }

  lastReply(userId: string): StoredMessage | undefined {
    const id = this.replies.get(userId);
    return id === undefined ? undefined : this.emulator.state.messages.get(id);
  }

  createUser(username: string, options: NewDriverUser = {}): DriverUser {
    if (this.people.has(username)) throw new Error(`${username} already exists`);
    const person = new DriverUser(this, this.emulator.addUser({ username, ...options }));
    this.people.set(username, person);
    return person;
  }

  hasUser(username: string): boolean {
    return this.people.has(username);
  }

  user(username: string): DriverUser {
    const person = this.people.get(username);
    if (!person) throw new Error(`no user ${username}`);
    return person;
  }

  timings(): InteractionTiming[] {
    return this.timingList.map((t) => ({ ...t }));
  }

  /** The next message created or edited (after this call) that matches. */
  waitForMessage(predicate: (message: SeenMessage) => boolean, timeoutMs = this.timeoutMs): Promise<SeenMessage> {
    return new Promise((resolve, reject) => {
      const stops: (() => void)[] = [];
      const timer = setTimeout(() => {
        stops.forEach((stop) => stop());
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (message: SeenMessage) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        stops.forEach((stop) => stop());
        resolve(message);
      };
      stops.push(subscribe(this.emulator.events, 'messageCreate', (stored) => check(seen(stored, false))));
      stops.push(subscribe(this.emulator.events, 'messageUpdate', (stored) => check(seen(stored, true))));
    });
  }

  dispose(): void {
    this.stops.forEach((stop) => stop());
    this.transcript.dispose();
  }

  /**
   * Resolves once the bot says it finished the interaction (with `completions`), else once it has
   * answered and nothing it caused has changed for `settleMs`; at `timeoutMs` at the latest. Messages the bot posts with its own token (a DM to an opponent)
   * carry no interaction, so they count toward every interaction still in flight. Without an
   * initial response it resolves as failed after 3 s, when Discord gives up on the interaction.
   */
  track(record: InteractionRecord, user: string, action: string): Promise<InteractionOutcome> {
    const timing: InteractionTiming = { interactionId: record.id, user, action };
    this.timingList.push(timing);
    return new Promise((resolve) => {
      let quiet: NodeJS.Timeout | undefined;
      const stops: (() => void)[] = [];
      const finish = (timedOut: boolean) => {
        clearTimeout(quiet);
        clearTimeout(deadline);
        clearTimeout(discordGivesUp);
        stops.forEach((stop) => stop());
        resolve({
          interactionId: record.id,
          acknowledged: record.response !== undefined,
          response: timing.response,
          ackMs: timing.ackMs,
          lastChangeMs: timing.lastChangeMs,
          failed: record.response === undefined && !timedOut,
          timedOut,
        });
      };
      const rearm = () => {
        if (!record.response || this.completions) return;
        clearTimeout(quiet);
        quiet = setTimeout(() => finish(false), this.settleMs);
      };
      const changed = (cause: string | undefined) => {
        if (cause !== undefined && cause !== record.id) return;
        timing.lastChangeMs = Math.round(performance.now() - record.dispatchedPerf);
        rearm();
      };
      const deadline = setTimeout(() => finish(true), this.timeoutMs);
      // The bot may finish before its initial response lands (autocomplete answers without awaiting it).
      let completed = false;
      void this.completions?.finished(record.id).then(() => {
        completed = true;
        if (record.response) finish(false);
      });
      const giveUp = () => record.response === undefined && finish(false);
      const discordGivesUp = setTimeout(giveUp, LIMITS.interactionResponseMs - (this.emulator.clock.now() - record.dispatchedAt));
      stops.push(
        subscribe(this.emulator.events, 'interactionResponse', (answered) => {
          if (answered.id !== record.id || !answered.response) return;
          timing.response = callbackName(answered.response.type);
          timing.ackMs = Math.round(answered.response.perf - record.dispatchedPerf);
          if (completed) finish(false);
          rearm();
        }),
        subscribe(this.emulator.events, 'violation', (violation) => {
          if (violation.interactionId === record.id && violation.rule === 'late-initial-response') giveUp();
        }),
        subscribe(this.emulator.events, 'messageCreate', (_stored, cause) => changed(cause)),
        subscribe(this.emulator.events, 'messageUpdate', (_stored, cause) => changed(cause)),
        subscribe(this.emulator.events, 'messageDelete', (_stored, cause) => changed(cause)),
      );
    });
  }
}
