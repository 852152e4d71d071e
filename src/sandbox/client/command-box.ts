import type { APIApplicationCommandOption } from 'discord.js';
import type { SandboxChannel, SandboxCommand, SandboxUser } from '../sandbox-view';

/** What the command box needs from the page: who is acting, and the server's routes. */
export interface CommandBoxContext {
  users(): SandboxUser[];
  channels(): SandboxChannel[];
  run(name: string, options: Record<string, unknown>): Promise<boolean>;
  suggest(name: string, option: string, typed: string, options: Record<string, unknown>): Promise<Array<{ name: string; value: string | number }>>;
}

// discord-api-types' option types, spelled out: the page bundles no runtime code from discord.js.
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const USER = 6;
const CHANNEL = 7;
const MENTIONABLE = 9;
const NUMBER = 10;

type Reader = () => unknown;

function labelled(option: APIApplicationCommandOption, input: HTMLElement): HTMLElement {
  const label = document.createElement('label');
  label.className = 'option';
  const name = document.createElement('span');
  name.textContent = `${option.name}${'required' in option && option.required ? ' *' : ''}`;
  name.title = option.description;
  label.append(name, input);
  return label;
}

function select(values: Array<[string, string]>, blank: string): HTMLSelectElement {
  const element = document.createElement('select');
  element.append(new Option(blank, ''), ...values.map(([value, text]) => new Option(text, value)));
  return element;
}

/** One input per option, as Discord's client asks for it; returns how to read the typed value. */
function optionInput(command: string, option: APIApplicationCommandOption, context: CommandBoxContext, current: () => Record<string, unknown>): [HTMLElement, Reader] {
  if ('choices' in option && option.choices?.length) {
    const element = select(option.choices.map((choice) => [String(choice.value), choice.name]), '(choose)');
    return [element, () => (element.value === '' ? undefined : option.type === STRING ? element.value : Number(element.value))];
  }
  switch (option.type) {
    case BOOLEAN: {
      const element = select([['true', 'True'], ['false', 'False']], '(unset)');
      return [element, () => (element.value === '' ? undefined : element.value === 'true')];
    }
    case USER:
    case MENTIONABLE: {
      const element = select(context.users().map((user) => [user.id, user.username]), '(nobody)');
      return [element, () => (element.value === '' ? undefined : { id: element.value })];
    }
    case CHANNEL: {
      const element = select(context.channels().filter((channel) => channel.kind === 'text').map((channel) => [channel.id, `#${channel.name}`]), '(no channel)');
      return [element, () => (element.value === '' ? undefined : { id: element.value })];
    }
    case INTEGER:
    case NUMBER: {
      const element = document.createElement('input');
      element.type = 'number';
      if (option.type === INTEGER) element.step = '1';
      if ('min_value' in option && option.min_value !== undefined) element.min = String(option.min_value);
      if ('max_value' in option && option.max_value !== undefined) element.max = String(option.max_value);
      return [element, () => (element.value === '' ? undefined : Number(element.value))];
    }
    default: {
      const element = document.createElement('input');
      element.type = 'text';
      if ('max_length' in option && option.max_length !== undefined) element.maxLength = option.max_length;
      if ('autocomplete' in option && option.autocomplete) {
        const list = document.createElement('datalist');
        list.id = `suggestions-${command.replace(/ /g, '-')}-${option.name}`;
        element.setAttribute('list', list.id);
        let asked = 0;
        element.addEventListener('input', () => {
          const ask = ++asked;
          void context.suggest(command, option.name, element.value, current()).then((choices) => {
            if (ask !== asked) return;
            list.replaceChildren(...choices.map((choice) => new Option(choice.name, String(choice.value))));
          });
        });
        const wrapper = document.createElement('span');
        wrapper.append(element, list);
        return [wrapper, () => (element.value === '' ? undefined : element.value)];
      }
      return [element, () => (element.value === '' ? undefined : element.value)];
    }
  }
}

/** The options form of one command (or subcommand), with Run; empty options are not sent, as Discord. */
function optionsForm(name: string, options: readonly APIApplicationCommandOption[], context: CommandBoxContext, done: () => void): HTMLElement {
  const form = document.createElement('form');
  form.className = 'command-form';
  const readers = new Map<string, Reader>();
  const values = () => Object.fromEntries([...readers].map(([key, read]) => [key, read()]).filter(([, value]) => value !== undefined));
  const title = document.createElement('strong');
  title.textContent = `/${name}`;
  form.append(title);
  for (const option of options) {
    const [input, read] = optionInput(name, option, context, values);
    readers.set(option.name, read);
    form.append(labelled(option, input));
  }
  const run = document.createElement('button');
  run.type = 'submit';
  run.textContent = 'Run';
  form.append(run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void context.run(name, values()).then((ran) => ran && done());
  });
  return form;
}

/** The form for a command: a subcommand picker first when it has subcommands, then the options. */
function commandForm(command: SandboxCommand, context: CommandBoxContext, done: () => void): HTMLElement {
  const subcommands = command.options.flatMap((option) =>
    option.type === SUBCOMMAND ? [[option.name, option] as const] : option.type === SUBCOMMAND_GROUP ? (option.options ?? []).map((sub) => [`${option.name} ${sub.name}`, sub] as const) : [],
  );
  if (subcommands.length === 0) return optionsForm(command.name, command.options, context, done);
  const wrapper = document.createElement('div');
  wrapper.className = 'command-form';
  const picker = select(subcommands.map(([path, sub]) => [path, `${path}: ${sub.description}`]), `/${command.name}: choose what to do`);
  const slot = document.createElement('div');
  picker.addEventListener('change', () => {
    const chosen = subcommands.find(([path]) => path === picker.value);
    slot.replaceChildren(...(chosen ? [optionsForm(`${command.name} ${chosen[0]}`, 'options' in chosen[1] ? (chosen[1].options ?? []) : [], context, done)] : []));
  });
  wrapper.append(picker, slot);
  return wrapper;
}

/**
 * The message box of Discord: typing "/" lists the commands the person is offered, picking one asks
 * for its options (with the bot's own autocomplete), and Run sends it as that person.
 */
export function drawCommandBox(root: HTMLElement, commands: SandboxCommand[], context: CommandBoxContext): void {
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'command-input';
  input.placeholder = 'Type / to run a command';
  const list = document.createElement('ul');
  list.className = 'command-list';
  const form = document.createElement('div');
  const reset = () => {
    input.value = '';
    list.replaceChildren();
    form.replaceChildren();
  };
  const offer = () => {
    const typed = input.value.replace(/^\//, '').trim().toLowerCase();
    if (!input.value.startsWith('/')) return list.replaceChildren();
    list.replaceChildren(
      ...commands
        .filter((command) => command.name.startsWith(typed.split(' ')[0]))
        .map((command) => {
          const item = document.createElement('li');
          const name = document.createElement('strong');
          name.textContent = `/${command.name}`;
          item.append(name, ` ${command.description}`);
          item.addEventListener('click', () => {
            input.value = `/${command.name}`;
            list.replaceChildren();
            form.replaceChildren(commandForm(command, context, reset));
          });
          return item;
        }),
    );
  };
  input.addEventListener('input', offer);
  input.addEventListener('focus', offer);
  root.replaceChildren(form, list, input);
}
