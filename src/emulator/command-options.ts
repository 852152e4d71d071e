import {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandGroupOption,
  APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  InteractionType,
} from 'discord.js';
import type { ResolvedIds } from './interaction-payloads';
import type { EmulatorState } from './state';

/** What a person types or picks for an option; users, channels and roles by id or as an object with an id. */
export type OptionInput = string | number | boolean | { id: string };

export interface BuiltOptions<T extends InteractionType> {
  options: APIApplicationCommandInteractionDataOption<T>[];
  resolved: ResolvedIds;
}

const { Subcommand, SubcommandGroup } = ApplicationCommandOptionType;

function isSubcommand(
  option: APIApplicationCommandOption,
): option is APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption {
  return option.type === Subcommand || option.type === SubcommandGroup;
}

/** Follows "group sub" names down the definition; returns the leaf options and how to wrap their values. */
function locate(command: APIApplicationCommand, path: string[]) {
  let definitions = command.options ?? [];
  const chain: APIApplicationCommandOption[] = [];
  for (const name of path) {
    const sub = definitions.filter(isSubcommand).find((o) => o.name === name);
    if (!sub) throw new Error(`/${command.name} has no subcommand "${name}"`);
    chain.push(sub);
    definitions = sub.options ?? [];
  }
  if (definitions.some(isSubcommand)) {
    const names = definitions.map((o) => o.name).join(', ');
    throw new Error(`/${[command.name, ...path].join(' ')} needs a subcommand: ${names}`);
  }
  const wrap = <T extends InteractionType>(leaf: APIApplicationCommandInteractionDataOption<T>[]) =>
    chain.reduceRight(
      (inner, sub) => [{ name: sub.name, type: sub.type, options: inner } as APIApplicationCommandInteractionDataOption<T>],
      leaf,
    );
  return { definitions, wrap };
}

function idOf(input: OptionInput): string {
  return typeof input === 'object' ? input.id : String(input);
}

function convert(
  state: EmulatorState,
  def: APIApplicationCommandOption,
  input: OptionInput,
  resolved: ResolvedIds,
): string | number | boolean {
  const fail = (why: string): never => {
    throw new Error(`option ${def.name} ${why}`);
  };
  const choices = 'choices' in def ? (def.choices ?? []) : [];
  const pick = <V extends string | number>(value: V): V => {
    if (choices.length === 0) return value;
    const choice = choices.find((c) => c.value === value || c.name === String(value));
    return choice ? (choice.value as V) : fail(`must be one of ${choices.map((c) => c.name).join(', ')}`);
  };
  switch (def.type) {
    case ApplicationCommandOptionType.String: {
      if (typeof input !== 'string') return fail('takes text');
      const value = pick(input);
      if (value.length < (def.min_length ?? 0) || value.length > (def.max_length ?? 6000)) {
        fail(`takes ${def.min_length ?? 0} to ${def.max_length ?? 6000} characters`);
      }
      return value;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const number = typeof input === 'number' ? input : Number(input);
      if (Number.isNaN(number) || (def.type === ApplicationCommandOptionType.Integer && !Number.isInteger(number))) {
        fail(def.type === ApplicationCommandOptionType.Integer ? 'takes a whole number' : 'takes a number');
      }
      if (number < (def.min_value ?? -Infinity) || number > (def.max_value ?? Infinity)) {
        fail(`takes ${def.min_value ?? '-∞'} to ${def.max_value ?? '∞'}`);
      }
      return pick(number);
    }
    case ApplicationCommandOptionType.Boolean:
      return typeof input === 'boolean' ? input : fail('takes true or false');
    case ApplicationCommandOptionType.User: {
      const id = idOf(input);
      if (!state.userObject(id)) fail(`names no member of the guild (${id})`);
      (resolved.users ??= []).push(id);
      return id;
    }
    case ApplicationCommandOptionType.Channel: {
      const id = idOf(input);
      if (!state.channels.has(id)) fail(`names no channel (${id})`);
      (resolved.channels ??= []).push(id);
      return id;
    }
    case ApplicationCommandOptionType.Role: {
      const id = idOf(input);
      (resolved.roles ??= []).push(id);
      return id;
    }
    case ApplicationCommandOptionType.Mentionable: {
      const id = idOf(input);
      if (state.userObject(id)) (resolved.users ??= []).push(id);
      else (resolved.roles ??= []).push(id);
      return id;
    }
    default:
      return fail('has a type the driver cannot fill');
  }
}

function dataOption<T extends InteractionType>(def: APIApplicationCommandOption, value: string | number | boolean, focused?: true) {
  return { name: def.name, type: def.type, value, ...(focused ? { focused } : {}) } as APIApplicationCommandInteractionDataBasicOption<T>;
}

/** Options as Discord's client sends them for a complete command: typed, checked and resolved by the definition. */
export function commandOptions(
  state: EmulatorState,
  command: APIApplicationCommand,
  path: string[],
  values: Record<string, OptionInput>,
): BuiltOptions<InteractionType.ApplicationCommand> {
  const { definitions, wrap } = locate(command, path);
  const unknown = Object.keys(values).filter((name) => !definitions.some((d) => d.name === name));
  if (unknown.length > 0) throw new Error(`no option ${unknown.join(', ')}`);
  const resolved: ResolvedIds = {};
  const leaf = definitions.flatMap((def) => {
    const input = values[def.name];
    if (input === undefined) {
      if ('required' in def && def.required) throw new Error(`option ${def.name} is required`);
      return [];
    }
    return [dataOption<InteractionType.ApplicationCommand>(def, convert(state, def, input, resolved))];
  });
  return { options: wrap(leaf), resolved };
}

/** Options of a command being typed: the filled ones, plus the focused one holding the raw text. */
export function autocompleteOptions(
  state: EmulatorState,
  command: APIApplicationCommand,
  path: string[],
  focused: string,
  typed: string,
  values: Record<string, OptionInput>,
): APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[] {
  const { definitions, wrap } = locate(command, path);
  const target = definitions.find((d) => d.name === focused);
  if (!target || !('autocomplete' in target) || !target.autocomplete) {
    throw new Error(`option ${focused} of /${command.name} has no autocomplete`);
  }
  const leaf = definitions.flatMap((def) => {
    if (def.name === focused) return [dataOption<InteractionType.ApplicationCommandAutocomplete>(def, typed, true)];
    const input = values[def.name];
    return input === undefined ? [] : [dataOption<InteractionType.ApplicationCommandAutocomplete>(def, convert(state, def, input, {}))];
  });
  return wrap(leaf);
}
