import type {
  APIApplicationCommandOptionChoice,
  APIDMChannel,
  APIInteraction,
  APIMessage,
  APIModalInteractionResponseCallbackData,
  APITextChannel,
  APIUser,
  InteractionResponseType,
  Locale,
} from 'discord.js';
import type { Violation } from './violations';

export interface EmulatedUser {
  user: APIUser;
  admin: boolean;
  locale: Locale;
  joinedAt: string;
  dmsClosed: boolean;
}

export interface EmulatedChannel {
  channel: APITextChannel | APIDMChannel;
  /** the person on the other side of a DM channel */
  recipientId?: string;
  messages: StoredMessage[];
}

export interface StoredMessage {
  message: APIMessage;
  /** creation order across all channels */
  seq: number;
  /** set on ephemeral messages: the only person who sees them */
  visibleTo?: string;
  deleted: boolean;
}

export interface InteractionRecord {
  id: string;
  token: string;
  userId: string;
  channelId: string;
  payload: APIInteraction;
  /** emulator clock, for Discord's deadlines */
  dispatchedAt: number;
  /** performance.now(), for measured timings */
  dispatchedPerf: number;
  response?: { type: InteractionResponseType; at: number; perf: number };
  /** the message behind @original: the response message, or the component's message after 6/7 */
  originalMessageId?: string;
  modal?: APIModalInteractionResponseCallbackData;
  choices?: APIApplicationCommandOptionChoice[];
  /** a missed 3 s deadline was already recorded as a violation */
  deadlineReported: boolean;
}

/** `cause` is the interaction whose token or callback made the change; undefined for bot-authorised calls. */
export interface EmulatorEvents {
  messageCreate: [StoredMessage, string | undefined];
  messageUpdate: [StoredMessage, string | undefined];
  messageDelete: [StoredMessage, string | undefined];
  interactionCreate: [InteractionRecord];
  interactionResponse: [InteractionRecord];
  violation: [Violation];
  gatewaySession: ['ready' | 'resumed', string];
  /** an injected fault answered a REST call */
  fault: [string, string, string];
}
