import {
  APIActionRowComponent,
  APIApplicationCommand,
  APIApplicationCommandOption,
  APIComponentInMessageActionRow,
  APIEmbed,
  ApplicationCommandType,
  ChannelType,
} from 'discord.js';
import type { EmulatorState } from '../emulator/state';
import type { StoredMessage, Violation } from '../emulator';
import type { PracticeChoices } from './practice/practice-choices';
import type { PracticeOpponentView } from './practice/practice-opponent';

/** A person the page can act as. */
export interface SandboxUser {
  id: string;
  username: string;
  admin: boolean;
}

export interface SandboxChannel {
  id: string;
  name: string;
  kind: 'text' | 'dm';
}

/** A message as the page draws it: what Discord would show the person viewing. */
export interface SandboxMessage {
  id: string;
  channelId: string;
  author: { id: string; username: string; bot: boolean };
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** An ephemeral message: only this person sees it ("Only you can see this"). */
  onlyYou: boolean;
  createdAt: string;
  editedAt: string | null;
}

/** A slash command the person may run, with its options as Discord describes them (the command box asks for them). */
export interface SandboxCommand {
  name: string;
  description: string;
  options: APIApplicationCommandOption[];
}

/** Everything one person sees, sent first on every connection; events then keep it current. */
export interface SandboxSnapshot {
  guild: { id: string; name: string };
  viewer: string;
  users: SandboxUser[];
  commands: SandboxCommand[];
  channels: SandboxChannel[];
  messages: SandboxMessage[];
  violations: Violation[];
  practice: SandboxPractice;
}

/** The practice opponents the page can add, and those playing. */
export interface SandboxPractice {
  choices: PracticeChoices;
  opponents: PracticeOpponentView[];
}

/** What every viewer's snapshot shares. */
export type SandboxShared = Pick<SandboxSnapshot, 'users' | 'commands' | 'violations' | 'practice'>;

export function messageView(stored: StoredMessage): SandboxMessage {
  const { message } = stored;
  return {
    id: message.id,
    channelId: message.channel_id,
    author: { id: message.author.id, username: message.author.global_name ?? message.author.username, bot: message.author.bot === true },
    content: message.content,
    embeds: message.embeds ?? [],
    components: (message.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[],
    onlyYou: stored.visibleTo !== undefined,
    createdAt: message.timestamp,
    editedAt: message.edited_timestamp,
  };
}

/** The guild's text channels the viewer may see, then the viewer's DM with the bot once it exists. */
export function channelsFor(state: EmulatorState, viewer: string): SandboxChannel[] {
  return [...state.channels.values()]
    .filter(({ channel }) => state.canView(viewer, channel.id))
    .map(({ channel }) => ({ id: channel.id, name: channel.type === ChannelType.DM ? 'Direct messages' : channel.name, kind: channel.type === ChannelType.DM ? ('dm' as const) : ('text' as const) }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'text' ? -1 : 1));
}

/** The guild's commands as Discord offers them to the viewer: one an admin permission hides is not listed. */
export function commandsFor(state: EmulatorState, viewer: string, registered: readonly APIApplicationCommand[]): SandboxCommand[] {
  return registered
    .filter((command) => command.type === undefined || command.type === ApplicationCommandType.ChatInput)
    .filter((command) => command.default_member_permissions == null || state.isAdmin(viewer))
    .map((command) => ({ name: command.name, description: command.description, options: command.options ?? [] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function snapshotFor(state: EmulatorState, viewer: string, shared: SandboxShared): SandboxSnapshot {
  return {
    guild: { id: state.guildId, name: state.guildName },
    viewer,
    ...shared,
    channels: channelsFor(state, viewer),
    messages: state.visibleMessages(viewer).map(messageView),
  };
}
