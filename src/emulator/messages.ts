import {
  APIAllowedMentions,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
  AllowedMentionsTypes,
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
  allowed_mentions?: APIAllowedMentions | null;
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
  /** whether the content pings @everyone or @here */
  mentionEveryone: boolean;
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
    mention_everyone: m.mentionEveryone,
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
export function applyEdit(message: APIMessage, body: MessageBody, editedAt: string, mentions: APIUser[], mentionEveryone: boolean): APIMessage {
  const next: APIMessage = { ...message, edited_timestamp: editedAt };
  if (body.content !== undefined) {
    next.content = body.content ?? '';
    next.mentions = mentions;
    next.mention_everyone = mentionEveryone;
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

/**
 * Who a message pings, as Discord decides it: the mentions in its content that `allowed_mentions`
 * lets through, every one of them when the body has none.
 */
export function pingsOf(body: MessageBody): { userIds: string[]; everyone: boolean } {
  const allowed = body.allowed_mentions ?? undefined;
  const parse = allowed?.parse ?? [];
  const content = body.content ?? '';
  const userAllowed = (id: string) => allowed === undefined || parse.includes(AllowedMentionsTypes.User) || (allowed.users ?? []).includes(id);
  return {
    userIds: mentionedUserIds(content).filter(userAllowed),
    everyone: /@(everyone|here)\b/.test(content) && (allowed === undefined || parse.includes(AllowedMentionsTypes.Everyone)),
  };
}
