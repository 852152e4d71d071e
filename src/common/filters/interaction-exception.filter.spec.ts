import { Logger, NotFoundException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DiscordAPIError, EmbedBuilder, MessageFlags } from 'discord.js';
import { runInInteraction } from '../context/current-interaction';
import { InteractionContext } from '../context/interaction-context';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { LadderMetrics } from '../metrics/ladder-metrics';
import {
  FakeResponses,
  fakeAutocomplete,
  fakeButton,
  fakeCommand,
  fakeMessage,
  fakeModalSubmit,
  httpContext,
  necordContext,
  openContext,
  ResponseCall,
} from '../testing/fake-interactions';
import { InteractionExceptionFilter } from './interaction-exception.filter';

class Handlers {
  handle(): void {}
}

const refusal = () => new InteractionRefusal('Already queued', 'You are already in the queue: leave it first.');
const unknownInteraction = () => new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', '/interactions/1/token/callback', {});

/** The embed a response call carried. */
function noticeOf(call: ResponseCall | undefined): EmbedBuilder['data'] {
  const [embed] = (call?.options as { embeds: EmbedBuilder[] }).embeds;
  return embed.data;
}

const INITIAL_RESPONSES = ['deferReply', 'reply', 'deferUpdate', 'update', 'showModal'];

describe('InteractionExceptionFilter', () => {
  let metrics: LadderMetrics;
  let filter: InteractionExceptionFilter;
  let loggedErrors: jest.SpyInstance;

  beforeEach(() => {
    metrics = new LadderMetrics();
    filter = new InteractionExceptionFilter(metrics);
    loggedErrors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  /** What the pipeline does: the filter runs inside the interaction's context. */
  function catchIn(context: InteractionContext | undefined, exception: unknown, interaction: FakeResponses): Promise<void> {
    const host = necordContext(interaction, Handlers, 'handle');
    return context ? runInInteraction(context, () => filter.catch(exception, host)) : filter.catch(exception, host);
  }

  const discordApiErrors = () => metrics.registry.getSingleMetricAsString('ladder_discord_api_errors_total');

  describe('a refusal', () => {
    it('is an ephemeral reply with its title when nothing was acknowledged yet', async () => {
      const interaction = fakeCommand();
      const { context, outcomes } = openContext({ kind: 'command' });

      await catchIn(context, refusal(), interaction);

      expect(interaction.calls.map((call) => call.method)).toEqual(['reply']);
      expect(interaction.calls[0].options).toMatchObject({ flags: MessageFlags.Ephemeral });
      expect(noticeOf(interaction.calls[0])).toMatchObject({ title: 'Already queued', description: 'You are already in the queue: leave it first.' });
      expect(context.acknowledged).toBe(true);
      expect(context.failed).toBe(false);
      expect(outcomes).toEqual([expect.objectContaining({ failed: false })]);
      expect(loggedErrors).not.toHaveBeenCalled();
    });

    it('is an ephemeral reply to a click a guard refused before it was acknowledged', async () => {
      const interaction = fakeButton();

      await catchIn(openContext().context, refusal(), interaction);

      expect(interaction.calls).toEqual([{ method: 'reply', options: { embeds: [expect.any(EmbedBuilder)], components: [], flags: MessageFlags.Ephemeral } }]);
    });

    it('shows the message a refusal carries in place of its notice (the terms with Accept)', async () => {
      const interaction = fakeCommand();
      const terms = { embeds: [{ title: 'Terms of service (version 1)' }], components: [{ type: 1, components: [] }] };

      await catchIn(openContext({ kind: 'command' }).context, new InteractionRefusal('Terms of service', 'Accept them first.', terms), interaction);

      expect(interaction.calls).toEqual([{ method: 'reply', options: { ...terms, flags: MessageFlags.Ephemeral } }]);
    });

    it('edits the deferred reply of a command, clearing its components', async () => {
      const interaction = fakeCommand({ deferred: true });

      await catchIn(openContext({ kind: 'command' }).context, refusal(), interaction);

      expect(interaction.calls.map((call) => call.method)).toEqual(['editReply']);
      expect(interaction.calls[0].options).toMatchObject({ components: [] });
      expect(noticeOf(interaction.calls[0]).title).toBe('Already queued');
    });

    it('says it privately when the deferred reply of a command is public', async () => {
      const interaction = fakeCommand({ deferred: true, ephemeral: false });

      await catchIn(openContext({ kind: 'command' }).context, refusal(), interaction);

      expect(interaction.calls.map((call) => call.method)).toEqual(['deleteReply', 'followUp']);
      expect(interaction.calls[1].options).toMatchObject({ flags: MessageFlags.Ephemeral });
      expect(noticeOf(interaction.calls[1]).title).toBe('Already queued');
    });

    it('edits the deferred reply of a modal opened by a command', async () => {
      const interaction = fakeModalSubmit({ deferred: true });

      await catchIn(openContext({ kind: 'modal' }).context, refusal(), interaction);

      expect(interaction.calls.map((call) => call.method)).toEqual(['editReply']);
    });

    it.each([
      ['a click acknowledged with a deferred update', () => fakeButton({ deferred: true })],
      ['a click acknowledged with an update that disabled its buttons', () => fakeButton({ replied: true })],
      ['a modal from a message acknowledged with a deferred update', () => fakeModalSubmit({ fromMessage: fakeMessage(), deferred: true })],
      ['a command whose handler already replied', () => fakeCommand({ replied: true })],
    ])('follows up ephemerally on %s, leaving the message alone', async (_, make) => {
      const interaction = make();

      await catchIn(openContext().context, refusal(), interaction);

      expect(interaction.calls.map((call) => call.method)).toEqual(['followUp']);
      expect(interaction.calls[0].options).toMatchObject({ flags: MessageFlags.Ephemeral });
      expect(noticeOf(interaction.calls[0]).title).toBe('Already queued');
    });
  });

  describe('an unexpected error', () => {
    it('shows a short reference, logs the same one, and marks the record failed', async () => {
      const interaction = fakeButton({ deferred: true });
      const { context, outcomes } = openContext();

      await catchIn(context, new Error('relation "players" does not exist'), interaction);

      const notice = noticeOf(interaction.calls[0]);
      expect(notice.title).toBe('Something went wrong');
      expect(notice.description).toContain('The change may not have been saved; retrying is safe.');
      const reference = /`([0-9a-f]{8})`/.exec(notice.description ?? '')?.[1];
      expect(reference).toMatch(/^[0-9a-f]{8}$/);
      expect(notice.description).not.toContain('relation "players"');
      expect(loggedErrors).toHaveBeenCalledWith(expect.objectContaining({ reference, route: 'report/:matchId/:result' }), expect.stringContaining(reference!));
      expect(context.failed).toBe(true);
      expect(outcomes).toEqual([expect.objectContaining({ failed: true })]);
    });

    it('gives each failure its own reference', async () => {
      const first = fakeCommand({ deferred: true });
      const second = fakeCommand({ deferred: true });

      await catchIn(openContext().context, new Error('boom'), first);
      await catchIn(openContext().context, new Error('boom'), second);

      expect(noticeOf(first.calls[0]).description).not.toBe(noticeOf(second.calls[0]).description);
    });

    it('is answered even when no interaction context is open', async () => {
      const interaction = fakeCommand();

      await catchIn(undefined, new Error('boom'), interaction);

      expect(interaction.calls.map((call) => call.method)).toEqual(['reply']);
    });
  });

  describe('the Discord API', () => {
    it('counts a DiscordAPIError by its code', async () => {
      await catchIn(openContext().context, unknownInteraction(), fakeCommand({ deferred: true }));

      expect(await discordApiErrors()).toContain('ladder_discord_api_errors_total{code="10062"} 1');
    });

    it('counts nothing for other errors', async () => {
      await catchIn(openContext().context, new Error('boom'), fakeCommand({ deferred: true }));
      await catchIn(openContext().context, refusal(), fakeCommand({ deferred: true }));

      expect(await discordApiErrors()).not.toContain('code=');
    });

    it('counts a failure to tell the person, and still finishes the record', async () => {
      const interaction = fakeCommand({ failWith: { reply: unknownInteraction() } });
      const { context, outcomes } = openContext({ kind: 'command' });

      await expect(catchIn(context, refusal(), interaction)).resolves.toBeUndefined();

      expect(await discordApiErrors()).toContain('ladder_discord_api_errors_total{code="10062"} 1');
      expect(context.acknowledged).toBe(false);
      expect(outcomes).toHaveLength(1);
    });
  });

  it.each([
    ['a deferred command', () => fakeCommand({ deferred: true })],
    ['a command whose handler replied', () => fakeCommand({ replied: true })],
    ['a deferred click', () => fakeButton({ deferred: true })],
    ['a click updated to disable its buttons', () => fakeButton({ replied: true })],
    ['a modal from a message, deferred with an update', () => fakeModalSubmit({ fromMessage: fakeMessage(), deferred: true })],
    ['a deferred modal', () => fakeModalSubmit({ deferred: true })],
  ])('never makes a second initial response to %s', async (_, make) => {
    const interaction = make();

    await catchIn(openContext().context, new Error('boom'), interaction);
    await catchIn(openContext().context, refusal(), interaction);

    expect(interaction.calls.filter((call) => INITIAL_RESPONSES.includes(call.method))).toEqual([]);
  });

  it('finishes the record exactly once', async () => {
    const { context, outcomes } = openContext();
    const finish = jest.spyOn(context, 'finish');

    await catchIn(context, refusal(), fakeButton({ deferred: true }));

    expect(finish).toHaveBeenCalledTimes(1);
    expect(outcomes).toHaveLength(1);
  });

  it('sends nothing for autocomplete, which cannot be replied to, and still finishes the record', async () => {
    const interaction = fakeAutocomplete();
    const { context, outcomes } = openContext({ kind: 'autocomplete' });

    await catchIn(context, new Error('boom'), interaction);

    expect(interaction.calls).toEqual([]);
    expect(outcomes).toEqual([expect.objectContaining({ failed: true })]);
  });

  describe('HTTP', () => {
    it('leaves the error to Nest’s own handling', async () => {
      const reply = jest.fn();
      Object.assign(filter, { httpAdapterHost: { httpAdapter: { isHeadersSent: () => false, reply } } });
      const response = { fake: 'response' };
      const { context, outcomes } = openContext();

      await runInInteraction(context, () => filter.catch(new NotFoundException(), httpContext({ headers: {} }, response)));

      expect(reply).toHaveBeenCalledWith(response, expect.objectContaining({ statusCode: 404 }), 404);
      expect(outcomes).toEqual([]);
      expect(context.failed).toBe(false);
    });

    it('reaches BaseExceptionFilter.catch with the exception and host', async () => {
      const base = jest.spyOn(BaseExceptionFilter.prototype, 'catch').mockImplementation(() => undefined);
      const exception = new NotFoundException();
      const host = httpContext();

      await filter.catch(exception, host);

      expect(base).toHaveBeenCalledWith(exception, host);
      expect(await discordApiErrors()).not.toContain('code=');
    });
  });
});
