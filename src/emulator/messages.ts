import {
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
  EmbedType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord.js';

/** What the bot sends to create or edit a message, over any route. */
export interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
  attachments?: unknown[] | null;
  poll?: unknown;
  tts?: boolean;
}

const SETTABLE_FLAGS =
  MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export interface NewMessage {
  id: string;
  channelId: string;
  author: APIUser;
  body: MessageBody;
  timestamp: string;
  mentions: APIUser[];
  extraFlags?: number;
  /** set when an interaction response or follow-up creates the message */
  interaction?: APIInteraction;
}

export function buildMessage(m: NewMessage): APIMessage {
  const message: APIMessage = {
    id: m.id,
    channel_id: m.channelId,
    author: m.author,
    content: m.body.content ?? '',
    timestamp: m.timestamp,
    edited_timestamp: null,
    tts: m.body.tts ?? false,
    mention_everyone: false,
    mentions: m.mentions,
    mention_roles: [],
    attachments: [],
    embeds: (m.body.embeds ?? []).map(withEmbedType),
    components: m.body.components ?? [],
    pinned: false,
    type: m.interaction?.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
    flags: ((m.body.flags ?? 0) & SETTABLE_FLAGS) | (m.extraFlags ?? 0),
  };
  if (m.interaction) {
    message.webhook_id = m.interaction.application_id;
    message.application_id = m.interaction.application_id;
    message.interaction_metadata = interactionMetadata(m.interaction);
  }
  return message;
}

function interactionMetadata(interaction: APIInteraction): APIMessageInteractionMetadata {
  const user = interaction.member?.user ?? interaction.user;
  return {
    id: interaction.id,
    type: interaction.type,
    user,
    authorizing_integration_owners: interaction.authorizing_integration_owners,
    ...(interaction.message ? { interacted_message_id: interaction.message.id } : {}),
  } as APIMessageInteractionMetadata;
}

function withEmbedType(embed: APIEmbed): APIEmbed {
  return { type: EmbedType.Rich, ...embed };
}

/** Fields present in the body replace the message's; absent ones stay. Editing ends a deferred "thinking" state. */
export function applyEdit(message: APIMessage, body: MessageBody, editedAt: string, mentions: APIUser[]): APIMessage {
  const next: APIMessage = { ...message, edited_timestamp: editedAt };
  if (body.content !== undefined) {
    next.content = body.content ?? '';
    next.mentions = mentions;
  }
  if (body.embeds !== undefined) next.embeds = (body.embeds ?? []).map(withEmbedType);
  if (body.components !== undefined) next.components = body.components ?? [];
  const kept = (message.flags ?? 0) & ~MessageFlags.Loading;
  next.flags = body.flags == null ? kept : (kept & MessageFlags.Ephemeral) | (body.flags & SETTABLE_FLAGS & ~MessageFlags.Ephemeral);
  return next;
}

export function mentionedUserIds(content: string | null | undefined): string[] {
  return [...(content ?? '').matchAll(/<@!?(\d+)>/g)].map((match) => match[1]);
}
