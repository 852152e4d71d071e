import { EventEmitter } from 'node:events';
import {
  APIChannel,
  APIGuildMember,
  APIInteraction,
  APIInteractionGuildMember,
  APIRole,
  APIUser,
  ChannelType,
  GuildMemberFlags,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
  PermissionsBitField,
  RoleFlags,
} from 'discord.js';
import { EmulatorClock } from './clock';
import { applyEdit, buildMessage, MessageBody, pingsOf } from './messages';
import { SnowflakeGenerator } from './snowflake';
import type { EmulatedChannel, EmulatedUser, EmulatorEvents, StoredMessage } from './types';

const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalEmojis;

export interface NewUser {
  /** A fixed id (a snowflake), for a person who must be the same from one run to the next. */
  id?: string;
  username: string;
  globalName?: string;
  admin?: boolean;
  locale?: Locale;
}

export interface NewStoredMessage {
  channelId: string;
  author: APIUser;
  body: MessageBody;
  visibleTo?: string;
  interaction?: APIInteraction;
  extraFlags?: number;
}

/** The guild, its people, channels and messages. */
export class EmulatorState {
  readonly bot: APIUser;
  readonly guildId: string;
  readonly guildName: string;
  readonly everyoneRole: APIRole;
  readonly adminRole: APIRole;
  readonly ladderChannelId: string;
  readonly adminChannelId: string;
  readonly users = new Map<string, EmulatedUser>();
  readonly channels = new Map<string, EmulatedChannel>();
  readonly messages = new Map<string, StoredMessage>();
  private readonly dmChannels = new Map<string, EmulatedChannel>();
  private readonly botJoinedAt: string;
  private seq = 0;

  constructor(
    readonly ids: SnowflakeGenerator,
    private readonly clock: EmulatorClock,
    private readonly events: EventEmitter<EmulatorEvents>,
    names: { bot: string; guild: string },
  ) {
    this.bot = { id: ids.next(), username: names.bot, discriminator: '0', global_name: null, avatar: null, bot: true };
    this.guildId = ids.next();
    this.guildName = names.guild;
    this.botJoinedAt = this.isoNow();
    this.everyoneRole = this.role(this.guildId, '@everyone', MEMBER_PERMISSIONS, 0);
    this.adminRole = this.role(ids.next(), 'Admin', PermissionFlagsBits.Administrator, 1);
    this.ladderChannelId = this.addTextChannel('ladder', false);
    this.adminChannelId = this.addTextChannel('ladder-admin', true);
  }

  isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private role(id: string, name: string, permissions: bigint, position: number): APIRole {
    return {
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
  }

  private addTextChannel(name: string, adminOnly: boolean): string {
    const id = this.ids.next();
    const viewChannel = PermissionFlagsBits.ViewChannel.toString();
    const overwrites = adminOnly
      ? [
          { id: this.guildId, type: OverwriteType.Role, allow: '0', deny: viewChannel },
          { id: this.adminRole.id, type: OverwriteType.Role, allow: viewChannel, deny: '0' },
        ]
      : [];
    this.channels.set(id, {
      channel: {
        id,
        type: ChannelType.GuildText,
        guild_id: this.guildId,
        name,
        position: this.channels.size,
        permission_overwrites: overwrites,
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
      messages: [],
    });
    return id;
  }

  addUser(spec: NewUser): EmulatedUser {
    if (spec.id !== undefined && this.userObject(spec.id)) throw new Error(`user ${spec.id} already exists`);
    const user: APIUser = {
      id: spec.id ?? this.ids.next(),
      username: spec.username,
      discriminator: '0',
      global_name: spec.globalName ?? null,
      avatar: null,
    };
    const emulated: EmulatedUser = {
      user,
      admin: spec.admin ?? false,
      locale: spec.locale ?? Locale.EnglishUS,
      joinedAt: this.isoNow(),
      dmsClosed: false,
    };
    this.users.set(user.id, emulated);
    return emulated;
  }

  requireUser(id: string): EmulatedUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`unknown user ${id}`);
    return user;
  }

  userObject(id: string): APIUser | undefined {
    return id === this.bot.id ? this.bot : this.users.get(id)?.user;
  }

  member(id: string): APIGuildMember | undefined {
    const user = this.userObject(id);
    if (!user) return undefined;
    const isBot = id === this.bot.id;
    return {
      user,
      nick: null,
      avatar: null,
      roles: this.isAdmin(id) ? [this.adminRole.id] : [],
      joined_at: isBot ? this.botJoinedAt : this.requireUser(id).joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  isAdmin(id: string): boolean {
    return id === this.bot.id || this.users.get(id)?.admin === true;
  }

  permissions(id: string): bigint {
    return this.isAdmin(id) ? PermissionsBitField.All : MEMBER_PERMISSIONS;
  }

  interactionMember(id: string): APIInteractionGuildMember {
    const member = this.member(id);
    if (!member?.user) throw new Error(`unknown member ${id}`);
    return { ...member, user: member.user, permissions: this.permissions(id).toString() };
  }

  canView(userId: string, channelId: string): boolean {
    const channel = this.channels.get(channelId);
    if (!channel) return false;
    if (channel.channel.type === ChannelType.DM) return channel.recipientId === userId;
    return channelId !== this.adminChannelId || this.isAdmin(userId);
  }

  /** The DM channel with a person, if the bot or the person has opened it. */
  existingDm(userId: string): EmulatedChannel | undefined {
    return this.dmChannels.get(userId);
  }

  dmChannel(userId: string): EmulatedChannel {
    const existing = this.dmChannels.get(userId);
    if (existing) return existing;
    const recipient = this.userObject(userId);
    if (!recipient) throw new Error(`unknown user ${userId}`);
    const id = this.ids.next();
    const channel: EmulatedChannel = {
      channel: { id, type: ChannelType.DM, name: null, last_message_id: null, recipients: [recipient] },
      recipientId: userId,
      messages: [],
    };
    this.channels.set(id, channel);
    this.dmChannels.set(userId, channel);
    return channel;
  }

  channelPayload(channelId: string): APIChannel | undefined {
    return this.channels.get(channelId)?.channel;
  }

  private pings(body: MessageBody): { users: APIUser[]; everyone: boolean } {
    const { userIds, everyone } = pingsOf(body);
    return { users: userIds.flatMap((id) => this.userObject(id) ?? []), everyone };
  }

  createMessage(spec: NewStoredMessage, cause?: string): StoredMessage {
    const channel = this.channels.get(spec.channelId);
    if (!channel) throw new Error(`unknown channel ${spec.channelId}`);
    const pings = this.pings(spec.body);
    const message = buildMessage({
      id: this.ids.next(),
      channelId: spec.channelId,
      author: spec.author,
      body: spec.body,
      timestamp: this.isoNow(),
      mentions: pings.users,
      mentionEveryone: pings.everyone,
      extraFlags: spec.extraFlags,
      interaction: spec.interaction,
    });
    const stored: StoredMessage = { message, seq: ++this.seq, visibleTo: spec.visibleTo, deleted: false };
    channel.messages.push(stored);
    if (!spec.visibleTo) channel.channel.last_message_id = message.id;
    this.messages.set(message.id, stored);
    this.events.emit('messageCreate', stored, cause);
    return stored;
  }

  editMessage(stored: StoredMessage, body: MessageBody, cause?: string): StoredMessage {
    const pings = this.pings(body);
    stored.message = applyEdit(stored.message, body, this.isoNow(), pings.users, pings.everyone);
    this.events.emit('messageUpdate', stored, cause);
    return stored;
  }

  deleteMessage(stored: StoredMessage, cause?: string): void {
    stored.deleted = true;
    this.events.emit('messageDelete', stored, cause);
  }

  /** A message the bot can reach by channel and id: ephemeral ones are not in the channel for the API. */
  channelMessage(channelId: string, messageId: string): StoredMessage | undefined {
    const stored = this.messages.get(messageId);
    if (!stored || stored.deleted || stored.visibleTo || stored.message.channel_id !== channelId) return undefined;
    return stored;
  }

  /** Whether a person sees the message: not deleted, in a channel they may view, and if ephemeral, theirs. */
  sees(userId: string, stored: StoredMessage): boolean {
    return !stored.deleted && this.canView(userId, stored.message.channel_id) && (stored.visibleTo === undefined || stored.visibleTo === userId);
  }

  /** Messages a person can see, oldest first. */
  visibleMessages(userId: string, channelId?: string): StoredMessage[] {
    return [...this.channels.values()]
      .filter((c) => channelId === undefined || c.channel.id === channelId)
      .flatMap((c) => c.messages)
      .filter((m) => this.sees(userId, m))
      .sort((a, b) => a.seq - b.seq);
  }
}
