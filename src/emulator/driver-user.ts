import {
  APIApplicationCommand,
  APIApplicationCommandOptionChoice,
  APIMessageComponent,
  APISelectMenuComponent,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
} from 'discord.js';
import { autocompleteOptions, commandOptions, OptionInput } from './command-options';
import { allComponents, isSelect } from './components';
import type { DiscordDriver, InteractionOutcome, SeenMessage } from './driver';
import { describeModal, ModalAnswers, OpenModal, submitModal } from './modal-form';
import { buttonLabel, renderMessage } from './render';
import type { EmulatedUser, StoredMessage } from './types';

/** A person refused to do something Discord's client would not let them do. */
export class RefusedAction extends Error {}

export interface Where {
  /** a guild channel; the ladder channel by default */
  channelId?: string;
  /** in the person's DM with the bot */
  dm?: boolean;
}

export interface OnMessage {
  /** the message holding the component; the newest visible message that has it by default */
  messageId?: string;
}

function describeInput(input: OptionInput, driver: DiscordDriver): string {
  if (typeof input !== 'object') return String(input);
  return `@${driver.emulator.state.userObject(input.id)?.username ?? input.id}`;
}

/** One person in the guild: runs commands, clicks, chooses, fills modals, reads what they can see. */
export class DriverUser {
  constructor(
    private readonly driver: DiscordDriver,
    readonly emulated: EmulatedUser,
  ) {}

  get id(): string {
    return this.emulated.user.id;
  }

  get username(): string {
    return this.emulated.user.username;
  }

  get mention(): string {
    return `<@${this.id}>`;
  }

  private get emulator() {
    return this.driver.emulator;
  }

  private get state() {
    return this.driver.emulator.state;
  }

  private refuse(what: string, why: string): never {
    this.driver.transcript.add(`${this.username} could not ${what}: ${why}`);
    throw new RefusedAction(`${this.username} cannot ${what}: ${why}`);
  }

  private attempt<T>(what: string, build: () => T): T {
    try {
      return build();
    } catch (error) {
      if (error instanceof RefusedAction) throw error;
      return this.refuse(what, (error as Error).message);
    }
  }

  private channelFor(where: Where): string {
    const channelId = where.dm ? this.state.dmChannel(this.id).channel.id : (where.channelId ?? this.state.ladderChannelId);
    if (!this.state.canView(this.id, channelId)) this.refuse(`use channel ${channelId}`, 'they cannot see it');
    return channelId;
  }

  private command(name: string, channelId: string): APIApplicationCommand {
    const inDm = this.state.channels.get(channelId)?.channel.type === ChannelType.DM;
    const command = this.emulator.commands.find(name, inDm ? undefined : this.state.guildId);
    if (!command) this.refuse(`run /${name}`, `no such command is registered${inDm ? ' for DMs' : ''}`);
    const context = inDm ? InteractionContextType.BotDM : InteractionContextType.Guild;
    if (command.contexts && !command.contexts.includes(context)) {
      this.refuse(`run /${name}`, `it is not offered ${inDm ? 'in DMs' : 'in guilds'}`);
    }
    if (!inDm && command.default_member_permissions != null) {
      const required = BigInt(command.default_member_permissions);
      const allowed = required === 0n ? this.state.isAdmin(this.id) : (this.state.permissions(this.id) & required) === required;
      if (!allowed) this.refuse(`run /${name}`, 'the command is hidden from them (default_member_permissions)');
    }
    return command;
  }

  async runCommand(name: string, options: Record<string, OptionInput> = {}, where: Where = {}): Promise<InteractionOutcome> {
    const [commandName, ...path] = name.trim().split(/\s+/);
    const channelId = this.channelFor(where);
    const command = this.command(commandName, channelId);
    const built = this.attempt(`run /${name}`, () => commandOptions(this.state, command, path, options));
    const payload = this.emulator.payloads.chatInput(this.id, channelId, command, built.options, built.resolved);
    const shown = Object.entries(options).map(([key, value]) => ` ${key}:${describeInput(value, this.driver)}`);
    this.driver.transcript.add(`${this.username} ran /${name}${shown.join('')}`);
    return this.driver.track(this.emulator.dispatchInteraction(payload), this.username, `/${name}`);
  }

  private findComponent<C extends APIMessageComponent>(
    target: OnMessage,
    what: string,
    match: (component: APIMessageComponent) => component is C,
  ): { stored: StoredMessage; component: C } {
    const candidates = this.state
      .visibleMessages(this.id)
      .filter((m) => target.messageId === undefined || m.message.id === target.messageId)
      .reverse();
    for (const stored of candidates) {
      const component = allComponents(stored.message.components ?? []).find(match);
      if (component) return { stored, component };
    }
    return this.refuse(`use ${what}`, 'no message they can see has it');
  }

  async clickButton(label: string, target: OnMessage = {}): Promise<InteractionOutcome> {
    const { stored, component } = this.findComponent(
      target,
      `[${label}]`,
      (c): c is APIMessageComponent & { type: ComponentType.Button } => c.type === ComponentType.Button && buttonLabel(c) === label,
    );
    if (!('custom_id' in component)) {
      this.refuse(`click [${label}]`, component.style === ButtonStyle.Link ? 'it is a link' : 'it is a purchase button');
    }
    if (component.disabled) this.refuse(`click [${label}]`, 'the button is disabled');
    this.driver.transcript.add(`${this.username} clicked [${label}]`);
    const record = this.emulator.clickComponent({ userId: this.id, messageId: stored.message.id, customId: component.custom_id });
    return this.driver.track(record, this.username, `click ${label}`);
  }

  /** Picks values in a select found by its placeholder or a custom_id prefix; string options by value or label. */
  async choose(selector: string, values: string | (string | { id: string })[], target: OnMessage = {}): Promise<InteractionOutcome> {
    const { stored, component } = this.findComponent(
      target,
      `the select "${selector}"`,
      (c): c is APISelectMenuComponent => isSelect(c) && (c.placeholder === selector || c.custom_id.startsWith(selector)),
    );
    const what = `choose in "${selector}"`;
    if (component.disabled) this.refuse(what, 'the select is disabled');
    const picked = (Array.isArray(values) ? values : [values]).map((v) => (typeof v === 'object' ? v.id : v));
    const option = (p: string) =>
      component.type === ComponentType.StringSelect
        ? (component.options.find((o) => o.value === p || o.label === p) ?? this.refuse(what, `there is no option "${p}"`))
        : { value: p, label: describeInput({ id: p }, this.driver) };
    const chosen = picked.map(option);
    const min = component.min_values ?? 1;
    const max = component.max_values ?? 1;
    if (chosen.length < min || chosen.length > max) this.refuse(what, `it takes ${min} to ${max} values`);
    const name = component.placeholder ?? component.custom_id;
    this.driver.transcript.add(`${this.username} chose ${chosen.map((o) => o.label).join(', ')} in <${name}>`);
    const record = this.emulator.clickComponent({
      userId: this.id,
      messageId: stored.message.id,
      customId: component.custom_id,
      values: chosen.map((o) => o.value),
    });
    return this.driver.track(record, this.username, `choose ${name}`);
  }

  /** The modal most recently opened for this person and not yet submitted or dismissed, with pre-filled values. */
  currentModal(): OpenModal | undefined {
    const modal = this.driver.openModal(this.id)?.modal;
    return modal && describeModal(modal);
  }

  dismissModal(): void {
    const record = this.driver.openModal(this.id);
    if (!record?.modal) this.refuse('dismiss a modal', 'no modal is open');
    this.driver.transcript.add(`${this.username} dismissed "${record.modal.title}"`);
    this.driver.closeModal(this.id);
  }

  /** Answers the open modal by field label (or custom_id); unanswered fields keep their pre-filled values. */
  async fillModal(answers: ModalAnswers): Promise<InteractionOutcome> {
    const [outcome] = await this.submitModal(answers, 1);
    return outcome;
  }

  /** Submits the open modal `times` times at once with the same answers, as a client resending on a slow link would. */
  async fillModalRepeatedly(answers: ModalAnswers, times: number): Promise<InteractionOutcome[]> {
    return this.submitModal(answers, times);
  }

  private submitModal(answers: ModalAnswers, times: number): Promise<InteractionOutcome[]> {
    const record = this.driver.openModal(this.id);
    if (!record?.modal) return this.refuse('fill a modal', 'no modal is open');
    const modal = record.modal;
    const components = this.attempt(`submit "${modal.title}"`, () => submitModal(modal, answers));
    this.driver.closeModal(this.id);
    const source = record.payload.message && this.state.messages.get(record.payload.message.id)?.message;
    const shown = Object.entries(answers).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : value}`);
    this.driver.transcript.add(`${this.username} submitted "${modal.title}"${times > 1 ? ` ${times} times` : ''}: ${shown.join('; ') || '(as filled)'}`);
    return Promise.all(
      Array.from({ length: times }, () =>
        this.driver.track(this.emulator.dispatchInteraction(this.emulator.payloads.modalSubmit(this.id, record.channelId, modal.custom_id, components, source)), this.username, `submit ${modal.title}`),
      ),
    );
  }

  /** Types into an autocomplete option and returns the suggestions the bot offers. */
  async autocomplete(
    commandName: string,
    optionName: string,
    typed: string,
    options: Record<string, OptionInput> = {},
    where: Where = {},
  ): Promise<APIApplicationCommandOptionChoice[]> {
    const [name, ...path] = commandName.trim().split(/\s+/);
    const channelId = this.channelFor(where);
    const command = this.command(name, channelId);
    const data = this.attempt(`type into /${commandName} ${optionName}`, () =>
      autocompleteOptions(this.state, command, path, optionName, typed, options),
    );
    this.driver.transcript.add(`${this.username} typed "${typed}" into /${commandName} ${optionName}`);
    const record = this.emulator.dispatchInteraction(this.emulator.payloads.autocomplete(this.id, channelId, command, data));
    const outcome = await this.driver.track(record, this.username, `autocomplete /${commandName} ${optionName}`);
    if (!outcome.acknowledged) throw new Error(`the bot offered no suggestions for /${commandName} ${optionName}`);
    return record.choices ?? [];
  }

  /** Posts a plain message as this person; the bot receives MESSAGE_CREATE if it asked for that intent. */
  say(content: string, where: Where = {}): StoredMessage {
    const channelId = this.channelFor(where);
    this.driver.transcript.add(`${this.username} said: ${content}`);
    return this.emulator.postUserMessage(this.id, channelId, content);
  }

  closeDms(): void {
    this.emulator.setDmsClosed(this.id, true);
  }

  openDms(): void {
    this.emulator.setDmsClosed(this.id, false);
  }

  private label(stored: StoredMessage): string {
    const author = stored.message.author.bot ? '' : `${stored.message.author.username}: `;
    return `${author}${renderMessage(stored.message)}`;
  }

  /** The DM conversation with the bot, oldest first, one readable string per message. */
  dms(): string[] {
    const dm = this.state.existingDm(this.id);
    return dm ? this.state.visibleMessages(this.id, dm.channel.id).map((m) => this.label(m)) : [];
  }

  /** Everything this person can see, oldest first, prefixed with where it is. */
  visibleMessages(channelId?: string): string[] {
    return this.state.visibleMessages(this.id, channelId).map((stored) => {
      const channel = this.state.channels.get(stored.message.channel_id)?.channel;
      const where = channel?.type === ChannelType.DM ? 'DM' : `#${channel?.name}`;
      return `${where}${stored.visibleTo ? ' (only you)' : ''}: ${this.label(stored)}`;
    });
  }

  /** The newest message the bot created or edited in answer to this person's interactions. */
  lastReply(): string | undefined {
    const stored = this.driver.lastReply(this.id);
    return stored && renderMessage(stored.message);
  }

  waitForDm(predicate: (message: SeenMessage) => boolean = () => true, timeoutMs?: number): Promise<SeenMessage> {
    return this.driver.waitForMessage(
      (m) => this.state.channels.get(m.channelId)?.recipientId === this.id && predicate(m),
      timeoutMs,
    );
  }
}
