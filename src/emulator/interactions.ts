import { performance } from 'node:perf_hooks';
import type { EventEmitter } from 'node:events';
import {
  APIInteraction,
  APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord.js';
import {
  alreadyAcknowledged,
  invalidFormBody,
  invalidWebhookToken,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './api-error';
import type { EmulatorClock } from './clock';
import type { MessageBody } from './messages';
import type { CheckBody, RestResponse } from './rest-router';
import { LIMITS, validateChoices, validateMessageBody, validateModal } from './rules';
import type { EmulatorState } from './state';
import type { EmulatorEvents, InteractionRecord, StoredMessage } from './types';
import type { Breach, ViolationLog } from './violations';

/** well past the 15-minute token lifetime, so expired tokens are still recognised and recorded */
const RECORD_RETENTION_MS = 60 * 60_000;

const CALLBACK_NAMES: Record<number, string> = {
  [InteractionResponseType.ChannelMessageWithSource]: 'reply',
  [InteractionResponseType.DeferredChannelMessageWithSource]: 'deferReply',
  [InteractionResponseType.DeferredMessageUpdate]: 'deferUpdate',
  [InteractionResponseType.UpdateMessage]: 'update',
  [InteractionResponseType.ApplicationCommandAutocompleteResult]: 'autocomplete result',
  [InteractionResponseType.Modal]: 'showModal',
};

export function callbackName(type: InteractionResponseType): string {
  return CALLBACK_NAMES[type] ?? `callback type ${type}`;
}

function allowedCallbacks(payload: APIInteraction): InteractionResponseType[] {
  const { ChannelMessageWithSource, DeferredChannelMessageWithSource, DeferredMessageUpdate, UpdateMessage, Modal } =
    InteractionResponseType;
  switch (payload.type) {
    case InteractionType.ApplicationCommand:
      return [ChannelMessageWithSource, DeferredChannelMessageWithSource, Modal];
    case InteractionType.MessageComponent:
      return [ChannelMessageWithSource, DeferredChannelMessageWithSource, DeferredMessageUpdate, UpdateMessage, Modal];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return payload.message
        ? [ChannelMessageWithSource, DeferredChannelMessageWithSource, DeferredMessageUpdate, UpdateMessage]
        : [ChannelMessageWithSource, DeferredChannelMessageWithSource];
    default:
      return [];
  }
}

function isEphemeral(flags: number | null | undefined): boolean {
  return ((flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** Interactions in flight: Discord's callback and webhook rules, enforced and recorded. */
export class Interactions {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
    private readonly violations: ViolationLog,
    private readonly events: EventEmitter<EmulatorEvents>,
  ) {}

  open(payload: APIInteraction): InteractionRecord {
    const userId = payload.member?.user.id ?? payload.user?.id;
    if (!userId || !payload.channel) throw new Error('an interaction needs a user and a channel');
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      userId,
      channelId: payload.channel.id,
      payload,
      dispatchedAt: this.clock.now(),
      dispatchedPerf: performance.now(),
      deadlineReported: false,
    };
    this.prune(record.dispatchedAt);
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    this.events.emit('interactionCreate', record);
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  idForToken(token: string): string | undefined {
    return this.byToken.get(token)?.id;
  }

  /** Records every interaction left without an initial response past the 3 s deadline. */
  sweepDeadlines(): void {
    const now = this.clock.now();
    for (const record of this.byId.values()) this.reportMissedDeadline(record, now);
  }

  private reportMissedDeadline(record: InteractionRecord, now: number): void {
    if (!record.response && !record.deadlineReported && now - record.dispatchedAt > LIMITS.interactionResponseMs) {
      record.deadlineReported = true;
      this.violations.record('not-acknowledged', 'no initial response within 3 s', record.id);
    }
  }

  /** Forgets interactions long past their token's lifetime, so a long run does not grow without bound. */
  private prune(now: number): void {
    for (const record of this.byId.values()) {
      if (now - record.dispatchedAt <= RECORD_RETENTION_MS) break;
      this.reportMissedDeadline(record, now);
      this.byId.delete(record.id);
      this.byToken.delete(record.token);
    }
  }

  callback(id: string, token: string, response: APIInteractionResponse, withResponse: boolean, checkBody: CheckBody): RestResponse {
    const record = this.byId.get(id);
    if (!record || record.token !== token) throw unknownInteraction();
    const name = callbackName(response.type);
    if (record.response) {
      this.violations.record(
        'double-acknowledgement',
        `${name} after ${callbackName(record.response.type)}: an interaction takes exactly one initial response`,
        id,
      );
      throw alreadyAcknowledged();
    }
    const elapsed = this.clock.now() - record.dispatchedAt;
    if (elapsed > LIMITS.interactionResponseMs) {
      record.deadlineReported = true;
      this.violations.record('late-initial-response', `${name} ${elapsed} ms after dispatch; the limit is 3000 ms`, id);
      throw unknownInteraction();
    }
    if (!allowedCallbacks(record.payload).includes(response.type)) {
      const detail = `${name} cannot answer interaction type ${record.payload.type}`;
      this.reject([{ rule: 'invalid-callback-type', path: 'type', detail }], id);
    }
    checkBody(this.validateCallback(response));
    record.response = { type: response.type, at: this.clock.now(), perf: performance.now() };
    if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      record.choices = response.data?.choices ?? [];
    }
    if (response.type === InteractionResponseType.Modal) record.modal = response.data;
    this.events.emit('interactionResponse', record);
    const message = this.applyCallback(record, response);
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: record.payload.type,
          ...(message
            ? {
                response_message_id: message.message.id,
                response_message_loading: ((message.message.flags ?? 0) & MessageFlags.Loading) !== 0,
                response_message_ephemeral: message.visibleTo !== undefined,
              }
            : {}),
        },
        resource: { type: response.type, ...(message ? { message: message.message } : {}) },
      },
    };
  }

  private validateCallback(response: APIInteractionResponse): Breach[] {
    switch (response.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return validateMessageBody(response.data, true);
      case InteractionResponseType.UpdateMessage:
        return response.data ? validateMessageBody(response.data, false) : [];
      case InteractionResponseType.Modal:
        return validateModal(response.data);
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        return validateChoices(response.data?.choices);
      default:
        return [];
    }
  }

  private applyCallback(record: InteractionRecord, response: APIInteractionResponse): StoredMessage | undefined {
    const source = record.payload.message ? this.state.messages.get(record.payload.message.id) : undefined;
    switch (response.type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const deferred = response.type === InteractionResponseType.DeferredChannelMessageWithSource;
        const stored = deferred
          ? this.post(record, { flags: response.data?.flags }, MessageFlags.Loading)
          : this.post(record, response.data);
        record.originalMessageId = stored.message.id;
        return stored;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        record.originalMessageId = source?.message.id;
        return undefined;
      case InteractionResponseType.UpdateMessage:
        record.originalMessageId = source?.message.id;
        return source && this.state.editMessage(source, response.data ?? {}, record.id);
      default:
        return undefined;
    }
  }

  /** A message the bot sends through the interaction: ephemeral ones only its user sees. */
  private post(record: InteractionRecord, body: MessageBody, extraFlags = 0): StoredMessage {
    const visibleTo = isEphemeral(body.flags) ? record.userId : undefined;
    const spec = { channelId: record.channelId, author: this.state.bot, body, visibleTo, interaction: record.payload, extraFlags };
    return this.state.createMessage(spec, record.id);
  }

  private reject(breaches: Breach[], interactionId: string): void {
    if (breaches.length === 0) return;
    this.violations.recordBreaches(breaches, interactionId);
    throw invalidFormBody(breaches);
  }

  private webhookRecord(applicationId: string, token: string): InteractionRecord {
    const record = this.byToken.get(token);
    if (!record || record.payload.application_id !== applicationId) throw invalidWebhookToken();
    if (this.clock.now() - record.dispatchedAt > LIMITS.interactionTokenMs) {
      this.violations.record('token-expired', 'the interaction token was used after 15 minutes', record.id);
      throw invalidWebhookToken();
    }
    return record;
  }

  /** The message a webhook call names: @original, or a follow-up of the same interaction. */
  private webhookMessage(record: InteractionRecord, messageId: string): StoredMessage {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    if (messageId === '@original' && !id) {
      const after = record.response ? `after ${callbackName(record.response.type)}` : 'before any initial response';
      this.violations.record('no-response-message', `@original used ${after}: there is no response message`, record.id);
      throw unknownMessage();
    }
    const stored = id ? this.state.messages.get(id) : undefined;
    const ours = stored && (id === record.originalMessageId || stored.message.interaction_metadata?.id === record.id);
    if (!stored || stored.deleted || !ours) throw unknownMessage();
    return stored;
  }

  getMessage(applicationId: string, token: string, messageId: string): RestResponse {
    const record = this.webhookRecord(applicationId, token);
    return { status: 200, body: this.webhookMessage(record, messageId).message };
  }

  editMessage(applicationId: string, token: string, messageId: string, body: MessageBody, checkBody: CheckBody): RestResponse {
    const record = this.webhookRecord(applicationId, token);
    const stored = this.webhookMessage(record, messageId);
    checkBody(validateMessageBody(body, false));
    return { status: 200, body: this.state.editMessage(stored, body, record.id).message };
  }

  deleteMessage(applicationId: string, token: string, messageId: string): RestResponse {
    const record = this.webhookRecord(applicationId, token);
    this.state.deleteMessage(this.webhookMessage(record, messageId), record.id);
    return { status: 204 };
  }

  followUp(applicationId: string, token: string, body: MessageBody, wait: boolean, checkBody: CheckBody): RestResponse {
    const record = this.webhookRecord(applicationId, token);
    const type = record.response?.type;
    const { ApplicationCommandAutocompleteResult, Modal } = InteractionResponseType;
    if (type === undefined || type === ApplicationCommandAutocompleteResult || type === Modal) {
      const after = type === undefined ? 'before any initial response' : `after ${callbackName(type)}`;
      this.violations.record('no-response-message', `follow-up sent ${after}`, record.id);
      throw unknownWebhook();
    }
    checkBody(validateMessageBody(body, true));
    const original = record.originalMessageId ? this.state.messages.get(record.originalMessageId) : undefined;
    // Discord turns the first follow-up after deferReply into the deferred message itself.
    const stored =
      original && ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0
        ? this.state.editMessage(original, body, record.id)
        : this.post(record, body);
    return wait ? { status: 200, body: stored.message } : { status: 204 };
  }
}
