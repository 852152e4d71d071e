import {
  APIApplicationCommand,
  APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { SnowflakeGenerator } from './snowflake';
import type { Breach } from './violations';

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;

/** Registered application commands, global and per guild, as Discord stores them. */
export class CommandRegistry {
  private readonly scopes = new Map<string, APIApplicationCommand[]>();

  constructor(
    private readonly ids: SnowflakeGenerator,
    private readonly applicationId: string,
  ) {}

  /** Bulk overwrite; a command keeps its id when its name and type stay. */
  put(body: RESTPostAPIApplicationCommandsJSONBody[], guildId?: string): APIApplicationCommand[] {
    const previous = this.list(guildId);
    const version = this.ids.next();
    const commands = body.map((definition): APIApplicationCommand => {
      const type = definition.type ?? ApplicationCommandType.ChatInput;
      const kept = previous.find((c) => c.name === definition.name && c.type === type);
      return {
        id: kept?.id ?? this.ids.next(),
        application_id: this.applicationId,
        version,
        type,
        name: definition.name,
        name_localizations: definition.name_localizations ?? null,
        description: 'description' in definition ? (definition.description ?? '') : '',
        description_localizations: 'description_localizations' in definition ? (definition.description_localizations ?? null) : null,
        options: 'options' in definition ? definition.options : undefined,
        default_member_permissions: definition.default_member_permissions ?? null,
        nsfw: definition.nsfw ?? false,
        contexts: definition.contexts ?? null,
        integration_types: definition.integration_types ?? [ApplicationIntegrationType.GuildInstall],
        ...(guildId ? { guild_id: guildId } : {}),
      };
    });
    this.scopes.set(guildId ?? '', commands);
    return commands;
  }

  list(guildId?: string): APIApplicationCommand[] {
    return this.scopes.get(guildId ?? '') ?? [];
  }

  /** The chat input command a person in that guild (or a DM when guildId is undefined) can run. */
  find(name: string, guildId?: string): APIApplicationCommand | undefined {
    const scopes = guildId ? [this.list(guildId), this.list()] : [this.list()];
    return scopes.flat().find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput);
  }
}

function invalid(out: Breach[], path: string, detail: string): void {
  out.push({ rule: 'command-definition', path, detail });
}

export function validateCommands(body: unknown): Breach[] {
  const out: Breach[] = [];
  if (!Array.isArray(body)) {
    invalid(out, '_root', 'expected an array of commands');
    return out;
  }
  (body as RESTPostAPIApplicationCommandsJSONBody[]).forEach((command, i) => {
    const path = String(i);
    const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    if (chatInput) {
      checkName(command.name, `${path}.name`, out);
      const description = 'description' in command ? command.description : undefined;
      if (!description || description.length > 100) {
        invalid(out, `${path}.description`, `/${command.name} needs a description of 1-100 characters`);
      }
      if ('options' in command && command.options) checkOptions(command.options, `${path}.options`, out);
    }
  });
  return out;
}

function checkName(name: string, path: string, out: Breach[]): void {
  if (!CHAT_INPUT_NAME.test(name ?? '') || name !== name.toLowerCase()) {
    invalid(out, path, `"${name}" is not a valid lowercase name of 1-32 characters`);
  }
}

function checkOptions(options: APIApplicationCommandOption[], path: string, out: Breach[]): void {
  if (options.length > MAX_OPTIONS) invalid(out, path, `${options.length} options; at most ${MAX_OPTIONS}`);
  let optionalSeen = false;
  options.forEach((option, i) => {
    const here = `${path}.${i}`;
    checkName(option.name, `${here}.name`, out);
    if (!option.description || option.description.length > 100) {
      invalid(out, `${here}.description`, `option ${option.name} needs a description of 1-100 characters`);
    }
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      checkOptions(option.options ?? [], `${here}.options`, out);
      return;
    }
    if (option.required && optionalSeen) {
      invalid(out, `${here}.required`, `required option ${option.name} follows an optional one`);
    }
    optionalSeen ||= !option.required;
    const choices = 'choices' in option ? option.choices : undefined;
    if (choices && choices.length > MAX_CHOICES) {
      invalid(out, `${here}.choices`, `${choices.length} choices; at most ${MAX_CHOICES}`);
    }
  });
}
