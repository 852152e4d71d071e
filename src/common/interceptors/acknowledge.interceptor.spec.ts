import { Reflector } from '@nestjs/core';
import { ActionRowBuilder, ButtonBuilder, MessageFlags } from 'discord.js';
import { of } from 'rxjs';
import { DisableOnClick } from '../decorators/disable-on-click.decorator';
import { PublicReply } from '../decorators/public-reply.decorator';
import { ServedFromMemory } from '../decorators/served-from-memory.decorator';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { disabledComponents, PROCESSING_LABEL } from '../render/disabled-components';
import {
  fakeAutocomplete,
  fakeButton,
  fakeCommand,
  fakeHandler,
  fakeMessage,
  fakeModalSubmit,
  httpContext,
  intercept,
  necordContext,
  openContext,
} from '../testing/fake-interactions';
import { AcknowledgeInterceptor } from './acknowledge.interceptor';

class Handlers {
  plain(): void {}

  @PublicReply()
  publicAnswer(): void {}

  @DisableOnClick()
  disabling(): void {}

  @ServedFromMemory()
  fromMemory(): void {}
}

@PublicReply()
class PublicHandlers {
  answer(): void {}
}

/** A payload as discord.js would send it: JSON, builders and structures serialised through their toJSON(). */
const asSent = (payload: unknown): unknown => JSON.parse(JSON.stringify(payload ?? null));

describe('AcknowledgeInterceptor', () => {
  const interceptor = new AcknowledgeInterceptor(new Reflector());

  describe('a slash command', () => {
    it('is deferred ephemerally, and the handler runs only once the deferral is done', async () => {
      const journal: string[] = [];
      const interaction = fakeCommand({ journal });
      const { context } = openContext({ kind: 'command' });
      let deferredWhenHandlerRan: boolean | undefined;
      const next = fakeHandler(() => (deferredWhenHandlerRan = interaction.deferred), journal);

      await intercept(interceptor, context, necordContext(interaction, Handlers, 'plain'), next);

      expect(journal).toEqual(['deferReply', 'handler']);
      expect(deferredWhenHandlerRan).toBe(true);
      expect(interaction.calls).toEqual([{ method: 'deferReply', options: { flags: MessageFlags.Ephemeral } }]);
      expect(context.acknowledged).toBe(true);
    });

    it('is deferred publicly with @PublicReply', async () => {
      const interaction = fakeCommand();

      await intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'publicAnswer'), fakeHandler());

      expect(interaction.calls).toEqual([{ method: 'deferReply', options: {} }]);
    });

    it('honours @PublicReply on the class', async () => {
      const interaction = fakeCommand();

      await intercept(interceptor, openContext().context, necordContext(interaction, PublicHandlers, 'answer'), fakeHandler());

      expect(interaction.calls).toEqual([{ method: 'deferReply', options: {} }]);
    });

    it('is still deferred, not updated, when the handler carries @DisableOnClick', async () => {
      const interaction = fakeCommand();

      await intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'disabling'), fakeHandler());

      expect(interaction.calls.map((call) => call.method)).toEqual(['deferReply']);
    });

    it('does not run the handler when the deferral fails', async () => {
      const lost = new Error('Unknown interaction');
      const interaction = fakeCommand({ failWith: { deferReply: lost } });
      const { context } = openContext();
      const next = fakeHandler();

      await expect(intercept(interceptor, context, necordContext(interaction, Handlers, 'plain'), next)).rejects.toBe(lost);

      expect(next.runs).toBe(0);
      expect(context.acknowledged).toBe(false);
    });
  });

  describe('a click', () => {
    it('is acknowledged with a deferred update before the handler runs', async () => {
      const journal: string[] = [];
      const interaction = fakeButton({ journal });
      const { context } = openContext();
      let deferredWhenHandlerRan: boolean | undefined;
      const next = fakeHandler(() => {
        deferredWhenHandlerRan = interaction.deferred;
        return 'handled';
      }, journal);

      const result = await intercept(interceptor, context, necordContext(interaction, Handlers, 'plain'), next);

      expect(journal).toEqual(['deferUpdate', 'handler']);
      expect(deferredWhenHandlerRan).toBe(true);
      expect(interaction.calls).toEqual([{ method: 'deferUpdate' }]);
      expect(context.acknowledged).toBe(true);
      expect(result).toBe('handled');
    });

    it('with @DisableOnClick is acknowledged by an update that disables the components, before the handler runs', async () => {
      const journal: string[] = [];
      const message = fakeMessage();
      const interaction = fakeButton({ journal, message, customId: 'report/7/win' });
      const { context } = openContext();
      let repliedWhenHandlerRan: boolean | undefined;
      const next = fakeHandler(() => (repliedWhenHandlerRan = interaction.replied), journal);

      await intercept(interceptor, context, necordContext(interaction, Handlers, 'disabling'), next);

      expect(journal).toEqual(['update', 'handler']);
      expect(repliedWhenHandlerRan).toBe(true);
      expect(interaction.calls).toEqual([{ method: 'update', options: { components: disabledComponents(message.components, 'report/7/win') } }]);
      const [row] = (interaction.calls[0].options as { components: ReturnType<typeof disabledComponents> }).components;
      expect(row.components.map((button) => [button.disabled, 'label' in button ? button.label : undefined])).toEqual([
        [true, PROCESSING_LABEL],
        [true, 'I lost'],
      ]);
      expect(context.acknowledged).toBe(true);
    });

    it('with @DisableOnClick gives the buttons back when the handler fails, then lets the error through', async () => {
      const message = fakeMessage();
      const original = message.components;
      const interaction = fakeButton({ message });
      const refusal = new InteractionRefusal('Match already reported', 'Your opponent reported it first.');
      const next = fakeHandler(() => {
        throw refusal;
      });

      await expect(intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'disabling'), next)).rejects.toBe(refusal);

      expect(interaction.calls.map((call) => call.method)).toEqual(['update', 'editReply']);
      expect(asSent(interaction.calls[1].options)).toEqual({ components: asSent(original) });
    });

    it('with @DisableOnClick gives back the buttons as they were when clicked, even if discord.js has since patched the cached message', async () => {
      // discord.js hands every interaction on a message the same cached Message object and patches it in
      // place on MESSAGE_UPDATE (DMs, with the DirectMessages intent) or when another click on that message
      // arrives. By the time the handler fails, message.components may be the disabled, "Processing…" rows.
      const message = fakeMessage();
      const clickTime = asSent(message.components);
      const interaction = fakeButton({ message });
      const next = fakeHandler(() => {
        message.components = disabledComponents(message.components, interaction.customId).map((row) => new ActionRowBuilder<ButtonBuilder>(row));
        throw new Error('database unavailable');
      });

      await expect(intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'disabling'), next)).rejects.toThrow('database unavailable');

      const restore = interaction.calls.find((call) => call.method === 'editReply');
      expect(asSent(restore?.options)).toEqual({ components: clickTime });
    });

    it('with @DisableOnClick still reports the original error when giving the buttons back fails too', async () => {
      const failure = new Error('handler failed');
      const interaction = fakeButton({ failWith: { editReply: new Error('Unknown Message') } });
      const next = fakeHandler(() => {
        throw failure;
      });

      await expect(intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'disabling'), next)).rejects.toBe(failure);
    });

    it('without @DisableOnClick does not touch the message when the handler fails', async () => {
      const interaction = fakeButton();
      const next = fakeHandler(() => {
        throw new Error('handler failed');
      });

      await expect(intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'plain'), next)).rejects.toThrow('handler failed');

      expect(interaction.calls.map((call) => call.method)).toEqual(['deferUpdate']);
    });
  });

  describe('a modal submit', () => {
    it('from a message is acknowledged with a deferred update', async () => {
      const interaction = fakeModalSubmit({ fromMessage: fakeMessage() });

      await intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'plain'), fakeHandler());

      expect(interaction.calls).toEqual([{ method: 'deferUpdate' }]);
    });

    it('opened by a command is deferred as an ephemeral reply', async () => {
      const interaction = fakeModalSubmit();

      await intercept(interceptor, openContext().context, necordContext(interaction, Handlers, 'plain'), fakeHandler());

      expect(interaction.calls).toEqual([{ method: 'deferReply', options: { flags: MessageFlags.Ephemeral } }]);
    });
  });

  describe('@ServedFromMemory', () => {
    it('leaves the first response to the handler and marks the interaction acknowledged once it has replied', async () => {
      const journal: string[] = [];
      const interaction = fakeButton({ journal });
      const { context } = openContext();
      const next = fakeHandler(() => interaction.showModal({ title: 'Report', customId: 'report/7/modal', components: [] } as never), journal);

      await intercept(interceptor, context, necordContext(interaction, Handlers, 'fromMemory'), next);

      expect(journal).toEqual(['handler', 'showModal']);
      expect(context.acknowledged).toBe(true);
    });

    it('sends nothing itself and marks nothing when the handler did not answer', async () => {
      const interaction = fakeCommand();
      const { context } = openContext({ kind: 'command' });

      await intercept(interceptor, context, necordContext(interaction, Handlers, 'fromMemory'), fakeHandler());

      expect(interaction.calls).toEqual([]);
      expect(context.acknowledged).toBe(false);
    });
  });

  it('passes autocomplete through: it is answered by the handler, not acknowledged', async () => {
    const interaction = fakeAutocomplete();
    const { context } = openContext({ kind: 'autocomplete' });
    const next = fakeHandler();

    await intercept(interceptor, context, necordContext(interaction, Handlers, 'plain'), next);

    expect(interaction.calls).toEqual([]);
    expect(next.runs).toBe(1);
    expect(context.acknowledged).toBe(false);
  });

  it('passes HTTP requests through untouched', () => {
    const handled = of('http response');

    expect(interceptor.intercept(httpContext(), { handle: () => handled })).toBe(handled);
  });
});
