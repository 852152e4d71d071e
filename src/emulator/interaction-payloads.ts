import { randomBytes } from 'node:crypto';
import {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIButtonComponent,
  APIChatInputApplicationCommandInteraction,
  APIInteractionDataResolved,
  APIMessage,
  APIMessageComponentInteraction,
  APIModalSubmissionComponent,
  APIModalSubmitInteraction,
  APISelectMenuComponent,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
} from 'discord.js';
import type { EmulatorState } from './state';

export interface ResolvedIds {
  users?: string[];
  channels?: string[];
  roles?: string[];
}

const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** Builds INTERACTION_CREATE payloads with every field discord.js reads. */
export class InteractionPayloads {
  constructor(
    private readonly state: EmulatorState,
    private readonly applicationId: string,
  ) {}

  private common(userId: string, channelId: string) {
    const emulated = this.state.requireUser(userId);
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}`);
    const id = this.state.ids.next();
    const token = Buffer.from(`interaction:${id}:${randomBytes(24).toString('hex')}`).toString('base64url');
    const base = {
      id,
      application_id: this.applicationId,
      token,
      version: 1 as const,
      channel: channel.channel,
      channel_id: channelId,
      app_permissions: this.state.permissions(this.state.bot.id).toString(),
      locale: emulated.locale,
      entitlements: [],
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    };
    if (channel.channel.type === ChannelType.DM) {
      return {
        ...base,
        user: emulated.user,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
        context: InteractionContextType.BotDM,
      };
    }
    return {
      ...base,
      guild_id: this.state.guildId,
      guild: { id: this.state.guildId, locale: this.state.requireUser(userId).locale, features: [] },
      guild_locale: emulated.locale,
      member: this.state.interactionMember(userId),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: this.state.guildId },
      context: InteractionContextType.Guild,
    };
  }

  chatInput(
    userId: string,
    channelId: string,
    command: APIApplicationCommand,
    options: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[],
    resolved: ResolvedIds,
  ): APIChatInputApplicationCommandInteraction {
    const common = this.common(userId, channelId);
    return {
      ...common,
      type: InteractionType.ApplicationCommand,
      data: {
        id: command.id,
        name: command.name,
        type: ApplicationCommandType.ChatInput,
        options,
        resolved: this.resolved(resolved, 'guild_id' in common),
        ...(command.guild_id ? { guild_id: command.guild_id } : {}),
      },
    };
  }

  autocomplete(
    userId: string,
    channelId: string,
    command: APIApplicationCommand,
    options: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[],
  ): APIApplicationCommandAutocompleteInteraction {
    return {
      ...this.common(userId, channelId),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { id: command.id, name: command.name, type: ApplicationCommandType.ChatInput, options },
    };
  }

  component(
    userId: string,
    message: APIMessage,
    component: APIButtonComponent | APISelectMenuComponent,
    values: string[],
    resolved: ResolvedIds,
  ): APIMessageComponentInteraction {
    const common = this.common(userId, message.channel_id);
    if (component.type === ComponentType.Button) {
      if (!('custom_id' in component)) throw new Error('a link or premium button sends no interaction');
      return {
        ...common,
        type: InteractionType.MessageComponent,
        message,
        data: { custom_id: component.custom_id, component_type: ComponentType.Button },
      };
    }
    const data =
      component.type === ComponentType.StringSelect
        ? { custom_id: component.custom_id, component_type: component.type, values }
        : {
            custom_id: component.custom_id,
            component_type: component.type,
            values,
            resolved: this.resolved(resolved, 'guild_id' in common),
          };
    return { ...common, type: InteractionType.MessageComponent, message, data } as APIMessageComponentInteraction;
  }

  modalSubmit(
    userId: string,
    channelId: string,
    customId: string,
    components: APIModalSubmissionComponent[],
    message: APIMessage | undefined,
  ): APIModalSubmitInteraction {
    return {
      ...this.common(userId, channelId),
      type: InteractionType.ModalSubmit,
      data: { custom_id: customId, components },
      ...(message ? { message } : {}),
    };
  }

  resolved(ids: ResolvedIds, inGuild: boolean): APIInteractionDataResolved {
    const resolved: APIInteractionDataResolved = {};
    for (const id of ids.users ?? []) {
      const user = this.state.userObject(id);
      if (!user) continue;
      (resolved.users ??= {})[id] = user;
      const member = inGuild ? this.state.member(id) : undefined;
      if (member) {
        const { user: _user, deaf: _deaf, mute: _mute, ...rest } = member;
        (resolved.members ??= {})[id] = { ...rest, permissions: this.state.permissions(id).toString() };
      }
    }
    for (const id of ids.channels ?? []) {
      const channel = this.state.channels.get(id)?.channel;
      if (channel?.type !== ChannelType.GuildText) continue;
      const permissions = this.state.permissions(this.state.bot.id).toString();
      (resolved.channels ??= {})[id] = { id, type: channel.type, name: channel.name, permissions };
    }
    for (const id of ids.roles ?? []) {
      const role = [this.state.everyoneRole, this.state.adminRole].find((r) => r.id === id);
      if (role) (resolved.roles ??= {})[id] = role;
    }
    return resolved;
  }
}
