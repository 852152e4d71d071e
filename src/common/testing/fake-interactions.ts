import { CallHandler, NestInterceptor, Type } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import {
  ActionRowBuilder,
  ApplicationCommandType,
  AutocompleteInteraction,
  BaseInteraction,
  ButtonBuilder,
  ButtonInteraction,
  ButtonStyle,
  ChatInputCommandInteraction,
  ComponentType,
  InteractionType,
  ModalSubmitInteraction,
} from 'discord.js';
import { defer, from, lastValueFrom, Observable } from 'rxjs';
import { runInInteraction } from '../context/current-interaction';
import { InteractionContext, InteractionKind, InteractionOutcome } from '../context/interaction-context';

/*
 * Duck-typed Discord interactions for unit specs: real discord.js prototypes (so `instanceof` and the
 * type guards such as isMessageComponent() answer as in production) carrying only the fields those
 * guards and the pipeline read, and response methods that follow discord.js's own rules (one initial
 * response; edits and follow-ups only after it) while recording every call.
 *
 * Deliberately free of jest globals: tsconfig.build.json compiles this file with the app.
 */

export type ResponseMethod = 'deferReply' | 'reply' | 'deferUpdate' | 'update' | 'showModal' | 'editReply' | 'followUp' | 'deleteReply';

export interface ResponseCall {
  method: ResponseMethod;
  options?: unknown;
}

const INITIAL: readonly ResponseMethod[] = ['deferReply', 'reply', 'deferUpdate', 'update', 'showModal'];

export interface FakeResponses {
  /** Every response method called, in order (a call that failed is recorded too). */
  readonly calls: ResponseCall[];
  deferred: boolean;
  replied: boolean;
}

export interface FakeOptions {
  id?: string;
  userId?: string;
  /** Shared with a fakeHandler to see, in one list, what happened in which order. */
  journal?: string[];
  /** Makes these methods fail with this error (after recording the call, before any state change). */
  failWith?: Partial<Record<ResponseMethod, Error>>;
  /** Starts the interaction as already acknowledged, as a handler or an interceptor would have left it. */
  deferred?: boolean;
  replied?: boolean;
  /** Whether the deferred reply is ephemeral (the pipeline's default), as discord.js records it. */
  ephemeral?: boolean;
}

/** A message with buttons, as a component interaction carries it; mutable, as discord.js's cached Message is. */
export interface FakeMessage {
  id: string;
  components: ActionRowBuilder<ButtonBuilder>[];
}

export function fakeMessage(id = 'message-1'): FakeMessage {
  return {
    id,
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('report/7/win').setLabel('I won').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId('report/7/loss').setLabel('I lost').setStyle(ButtonStyle.Danger),
      ),
    ],
  };
}

export type FakeCommand = ChatInputCommandInteraction & FakeResponses;
export type FakeButton = ButtonInteraction & FakeResponses;
export type FakeModalSubmit = ModalSubmitInteraction & FakeResponses;
export type FakeAutocomplete = AutocompleteInteraction & FakeResponses;

export function fakeCommand(options: FakeOptions & { commandName?: string } = {}): FakeCommand {
  return fake<ChatInputCommandInteraction>(ChatInputCommandInteraction.prototype, options, {
    type: InteractionType.ApplicationCommand,
    commandType: ApplicationCommandType.ChatInput,
    commandName: options.commandName ?? 'profile',
  });
}

export function fakeButton(options: FakeOptions & { customId?: string; message?: FakeMessage } = {}): FakeButton {
  return fake<ButtonInteraction>(ButtonInteraction.prototype, options, {
    type: InteractionType.MessageComponent,
    componentType: ComponentType.Button,
    customId: options.customId ?? 'report/7/win',
    message: options.message ?? fakeMessage(),
  });
}

/** A modal submitted from a button on a message (`fromMessage`), or opened by a slash command. */
export function fakeModalSubmit(options: FakeOptions & { customId?: string; fromMessage?: FakeMessage } = {}): FakeModalSubmit {
  return fake<ModalSubmitInteraction>(ModalSubmitInteraction.prototype, options, {
    type: InteractionType.ModalSubmit,
    customId: options.customId ?? 'setup/name',
    message: options.fromMessage ?? null,
  });
}

export function fakeAutocomplete(options: FakeOptions = {}): FakeAutocomplete {
  return fake<AutocompleteInteraction>(AutocompleteInteraction.prototype, options, {
    type: InteractionType.ApplicationCommandAutocomplete,
    commandType: ApplicationCommandType.ChatInput,
    commandName: 'queue',
  });
}

function fake<T extends BaseInteraction>(prototype: T, options: FakeOptions, fields: object): T & FakeResponses {
  const interaction = Object.assign(Object.create(prototype) as T, fields, {
    id: options.id ?? 'interaction-1',
    user: { id: options.userId ?? 'user-1' },
    deferred: options.deferred ?? false,
    replied: options.replied ?? false,
    ephemeral: options.ephemeral ?? (options.deferred ? true : null),
    calls: [] as ResponseCall[],
  });
  const respond = (method: ResponseMethod, settle: () => void) => async (responseOptions?: unknown) => {
    interaction.calls.push(responseOptions === undefined ? { method } : { method, options: responseOptions });
    options.journal?.push(method);
    const acknowledged = interaction.deferred || interaction.replied;
    if (INITIAL.includes(method) && acknowledged) throw new Error(`${method}: the interaction has already been acknowledged`);
    if (!INITIAL.includes(method) && !acknowledged) throw new Error(`${method}: the interaction has not been acknowledged`);
    await Promise.resolve(); // the round trip to Discord
    const failure = options.failWith?.[method];
    if (failure) throw failure;
    settle();
  };
  return Object.assign(interaction, {
    deferReply: respond('deferReply', () => (interaction.deferred = true)),
    deleteReply: respond('deleteReply', () => undefined),
    deferUpdate: respond('deferUpdate', () => (interaction.deferred = true)),
    reply: respond('reply', () => (interaction.replied = true)),
    update: respond('update', () => (interaction.replied = true)),
    showModal: respond('showModal', () => (interaction.replied = true)),
    editReply: respond('editReply', () => (interaction.replied = true)),
    followUp: respond('followUp', () => undefined),
  });
}

/** The ExecutionContext necord builds for a handler: `[[interaction], discovery]`, type `necord`. */
export function necordContext<T extends object>(interaction: unknown, handlers: Type<T>, method: keyof T & string): ExecutionContextHost {
  const handler = (handlers.prototype as Record<string, (...args: never[]) => unknown>)[method];
  const context = new ExecutionContextHost([[interaction], { discovery: 'fake' }], handlers, handler);
  context.setType('necord');
  return context;
}

/** An HTTP ExecutionContext (Nest's default type) with this request and response. */
export function httpContext(request: { headers: Record<string, string | undefined> } = { headers: {} }, response: object = {}): ExecutionContextHost {
  return new ExecutionContextHost([request, response, () => undefined]);
}

export interface OpenedContext {
  context: InteractionContext;
  /** What the context reported when it finished (once, if the pipeline is right). */
  outcomes: InteractionOutcome[];
}

/** An interaction's pipeline context, as InteractionEntry opens it. */
export function openContext(fields: { id?: string; route?: string; kind?: InteractionKind; userId?: string; username?: string; intentKey?: string } = {}): OpenedContext {
  const outcomes: InteractionOutcome[] = [];
  const context = new InteractionContext(
    fields.id ?? 'interaction-1',
    fields.route ?? 'report/:matchId/:result',
    fields.kind ?? 'component',
    fields.userId ?? 'user-1',
    fields.username ?? 'player-one',
    fields.intentKey ?? 'report/7/win:message-1:user-1',
    (outcome) => outcomes.push(outcome),
  );
  return { context, outcomes };
}

export interface FakeHandler extends CallHandler {
  /** How many times the handler itself ran (it runs when next.handle()'s observable is subscribed, as in Nest). */
  readonly runs: number;
}

/** The `next` an interceptor gets: the route handler runs on subscription, its result awaited as Nest does. */
export function fakeHandler(run: () => unknown = () => 'handled', journal?: string[]): FakeHandler {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    handle: (): Observable<unknown> =>
      defer(() => {
        runs += 1;
        journal?.push('handler');
        return from(Promise.resolve().then(run));
      }),
  };
}

/** Runs an interceptor the way the pipeline does: inside the interaction's context, to the handler's end. */
export function intercept(interceptor: NestInterceptor, context: InteractionContext | undefined, execution: ExecutionContextHost, next: CallHandler): Promise<unknown> {
  const run = () => lastValueFrom(interceptor.intercept(execution, next) as Observable<unknown>, { defaultValue: undefined });
  return context ? runInInteraction(context, run) : run();
}

/** A promise the test settles: a handler that is still "in flight" until then. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void; fail: (error: unknown) => void } {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}
