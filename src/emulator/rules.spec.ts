import {
  ApplicationCommandOptionType,
  ChatInputCommandInteraction,
  ComponentType,
  DiscordAPIError,
  DiscordjsErrorCodes,
  InteractionReplyOptions,
  InteractionResponseType,
  Routes,
} from 'discord.js';
import { handle, startWorld, World } from './spec-support';
import { validateMessageBody } from './rules';

const button = (customId: string, label = 'Go') => ({ type: ComponentType.Button, style: 1, custom_id: customId, label });
const row = (...components: object[]) => ({ type: ComponentType.ActionRow, components });

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

describe('rules enforced on a real discord.js bot', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await world.client.application.commands.set([
      { name: 'go', description: 'Do it' },
      {
        name: 'find',
        description: 'Find a map',
        options: [{ name: 'map', description: 'Map', type: ApplicationCommandOptionType.String, autocomplete: true }],
      },
    ]);
  });
  afterAll(() => world.stop());
  beforeEach(() => world.emulator.clearViolations());

  /** Runs /go, waits for the handler to finish, and returns what it returned or threw. */
  async function runGo(
    handler: (i: ChatInputCommandInteraction) => Promise<unknown>,
  ): Promise<{ results: unknown[]; interactionId: string }> {
    const results: unknown[] = [];
    const finished = new Promise<void>((resolve) =>
      handle(world.client, async (i) => {
        if (!i.isChatInputCommand()) return;
        results.push(await handler(i).catch((e: unknown) => e));
        resolve();
      }),
    );
    const person = world.driver.createUser(`p${Math.random().toString(36).slice(2, 8)}`);
    const outcome = await person.runCommand('go');
    await finished;
    return { results, interactionId: outcome.interactionId };
  }

  it('discord.js refuses a second reply itself; one that gets past it is answered 40060 and recorded', async () => {
    const { results, interactionId } = await runGo(async (i) => {
      await i.reply('first');
      const local = await i.reply('second').catch((e: unknown) => codeOf(e));
      i.replied = false;
      const remote = await i.reply('third').catch((e: unknown) => e);
      return [local, remote];
    });
    const [local, remote] = results[0] as [unknown, unknown];
    expect(local).toBe(DiscordjsErrorCodes.InteractionAlreadyReplied);
    expect(remote).toBeInstanceOf(DiscordAPIError);
    expect(codeOf(remote)).toBe(40060);
    expect(world.emulator.violations()).toEqual([
      { rule: 'double-acknowledgement', interactionId, detail: 'reply after reply: an interaction takes exactly one initial response' },
    ]);
  });

  it('refuses a reply later than 3 s with 10062 and records it', async () => {
    const { results, interactionId } = await runGo(async (i) => {
      world.emulator.clock.advance(3_500);
      return i.reply('too late').catch((e: unknown) => codeOf(e));
    });
    expect(results).toEqual([10062]);
    expect(world.emulator.violations()).toMatchObject([{ rule: 'late-initial-response', interactionId }]);
  });

  it('records an interaction left without any response once 3 s have passed', async () => {
    const { emulator } = world;
    const received = new Promise<void>((resolve) => handle(world.client, async () => resolve()));
    const person = world.driver.createUser('ignored');
    const command = emulator.commands.find('go', emulator.guildId);
    if (!command) throw new Error('no /go');
    const record = emulator.dispatchInteraction(emulator.payloads.chatInput(person.id, emulator.ladderChannelId, command, [], {}));
    await received;
    expect(emulator.violations()).toEqual([]);
    emulator.clock.advance(3_001);
    expect(emulator.violations()).toEqual([
      { rule: 'not-acknowledged', interactionId: record.id, detail: 'no initial response within 3 s' },
    ]);
  });

  it('refuses a follow-up edit after the 15-minute token lifetime', async () => {
    const { results, interactionId } = await runGo(async (i) => {
      await i.reply('ok');
      world.emulator.clock.advance(15 * 60_000 + 1);
      return i.editReply('much later').catch((e: unknown) => codeOf(e));
    });
    expect(results).toEqual([50027]);
    expect(world.emulator.violations()).toMatchObject([{ rule: 'token-expired', interactionId }]);
  });

  const invalidReplies: [string, InteractionReplyOptions][] = [
    ['custom-id-length', { components: [row(button('x'.repeat(101)))] } as InteractionReplyOptions],
    ['content-length', { content: 'x'.repeat(2001) }],
    ['embed-limit', { embeds: [{ description: 'x'.repeat(4097) }] }],
    ['component-limit', { components: Array.from({ length: 6 }, (_, n) => row(button(`b${n}`))) } as InteractionReplyOptions],
    ['component-limit', { components: [row(...Array.from({ length: 6 }, (_, n) => button(`b${n}`)))] } as InteractionReplyOptions],
    [
      'select-limit',
      {
        components: [
          row({
            type: ComponentType.StringSelect,
            custom_id: 's',
            max_values: 3,
            options: [
              { label: 'a', value: 'a' },
              { label: 'b', value: 'b' },
            ],
          }),
        ],
      } as InteractionReplyOptions,
    ],
    ['duplicate-custom-id', { components: [row(button('same'), button('same'))] } as InteractionReplyOptions],
    ['empty-message', { content: '' }],
  ];

  it.each(invalidReplies)('answers 50035 to a reply breaking %s, records it, and leaves the interaction open', async (rule, reply) => {
    const { results, interactionId } = await runGo(async (i) => {
      const refused = await i.reply(reply).catch((e: unknown) => codeOf(e));
      await i.reply('fixed');
      return refused;
    });
    expect(results).toEqual([50035]);
    expect(world.emulator.violations()).toEqual([expect.objectContaining({ rule, interactionId })]);
  });

  it('records a modal over its limits', async () => {
    const { results, interactionId } = await runGo(async (i) => {
      const modal = {
        custom_id: 'm',
        title: 'x'.repeat(46),
        components: [row({ type: ComponentType.TextInput, custom_id: 't', label: 'Name', style: 1 })],
      };
      const refused = await i.showModal(modal as never).catch((e: unknown) => codeOf(e));
      await i.reply('fixed');
      return refused;
    });
    expect(results).toEqual([50035]);
    expect(world.emulator.violations()).toMatchObject([{ rule: 'modal-limit', interactionId }]);
  });

  it('records more than 25 autocomplete choices', async () => {
    const codes: unknown[] = [];
    handle(world.client, async (i) => {
      if (!i.isAutocomplete()) return;
      const many = Array.from({ length: 26 }, (_, n) => ({ name: `map ${n}`, value: `m${n}` }));
      codes.push(await i.respond(many).catch((e: unknown) => codeOf(e)));
      await i.respond(many.slice(0, 1));
    });
    expect(await world.driver.createUser('typist').autocomplete('find', 'map', 'm')).toEqual([{ name: 'map 0', value: 'm0' }]);
    expect(codes).toEqual([50035]);
    expect(world.emulator.violations()).toMatchObject([{ rule: 'autocomplete-limit' }]);
  });

  it('records callbacks that do not fit the interaction and @original with no response message', async () => {
    const { client, emulator } = world;
    const { results, interactionId } = await runGo(async (i) => {
      const callback = Routes.interactionCallback(i.id, i.token);
      const update = await client.rest
        .post(callback, { body: { type: InteractionResponseType.DeferredMessageUpdate }, auth: false })
        .catch((e: unknown) => codeOf(e));
      const edit = await client.rest
        .patch(Routes.webhookMessage(i.applicationId, i.token, '@original'), { body: { content: 'x' }, auth: false })
        .catch((e: unknown) => codeOf(e));
      await i.reply('ok');
      return [update, edit];
    });
    expect(results).toEqual([[50035, 10008]]);
    expect(emulator.violations().map((v) => [v.rule, v.interactionId])).toEqual([
      ['invalid-callback-type', interactionId],
      ['no-response-message', interactionId],
    ]);
  });

  it('refuses and records invalid command definitions', async () => {
    const error = await world.client.application.commands
      .set([{ name: 'Bad Name', description: '' }])
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe(50035);
    expect(world.emulator.violations().map((v) => v.rule)).toEqual(['command-definition', 'command-definition']);
    expect(world.emulator.commands.find('go', world.emulator.guildId)).toBeDefined();
  });
});

describe('validateMessageBody', () => {
  it('counts all embeds toward the 6000-character total', () => {
    const embeds = Array.from({ length: 2 }, () => ({ description: 'x'.repeat(3001) }));
    expect(validateMessageBody({ embeds }, true).map((b) => b.detail)).toEqual(['embeds hold 6002 characters in all; at most 6000']);
  });

  it('names the failing path as Discord does', () => {
    const body = { components: [row(button('ok'), button(''))] } as never;
    expect(validateMessageBody(body, true)).toEqual([
      { rule: 'custom-id-length', path: 'components.0.components.1.custom_id', detail: 'custom_id is 0 characters; 1 to 100' },
    ]);
  });

  it('accepts a full valid message', () => {
    const body = {
      content: 'x'.repeat(2000),
      embeds: [{ title: 't', fields: Array.from({ length: 25 }, (_, n) => ({ name: `f${n}`, value: 'v' })) }],
      components: Array.from({ length: 5 }, (_, r) => row(...Array.from({ length: 5 }, (_, n) => button(`b${r}-${n}`)))),
    } as never;
    expect(validateMessageBody(body, true)).toEqual([]);
  });
});
