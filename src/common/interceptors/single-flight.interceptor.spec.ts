import { of } from 'rxjs';
import { fakeButton, fakeCommand, fakeHandler, fakeMessage, fakeModalSubmit, gate, httpContext, intercept, necordContext, openContext } from '../testing/fake-interactions';
import { SingleFlightInterceptor } from './single-flight.interceptor';
import { Reflector } from '@nestjs/core';
import { DisableOnClick } from '../decorators/disable-on-click.decorator';

class Handlers {
  report(): void {}
}

class DecisionHandlers {
  @DisableOnClick()
  answer(): void {}
}

const KEY = 'report/7/win:message-1:user-1';

describe('SingleFlightInterceptor', () => {
  let interceptor: SingleFlightInterceptor;

  beforeEach(() => {
    interceptor = new SingleFlightInterceptor(new Reflector());
  });

  /** Starts a click whose handler stays in flight until the returned gate is opened or failed. */
  function startSlowClick(intentKey = KEY) {
    const inFlight = gate<string>();
    const interaction = fakeButton({ id: 'first' });
    const { context } = openContext({ id: 'first', intentKey });
    const next = fakeHandler(() => inFlight.promise);
    const done = intercept(interceptor, context, necordContext(interaction, Handlers, 'report'), next);
    return { inFlight, interaction, context, next, done };
  }

  it('acknowledges a repeat of a click still in flight with a deferred update, marks it duplicate and never runs its handler', async () => {
    const first = startSlowClick();
    const repeat = fakeButton({ id: 'second' });
    const { context } = openContext({ id: 'second', intentKey: KEY });
    const repeatHandler = fakeHandler();

    await intercept(interceptor, context, necordContext(repeat, Handlers, 'report'), repeatHandler);

    expect(repeatHandler.runs).toBe(0);
    expect(repeat.calls).toEqual([{ method: 'deferUpdate' }]);
    expect(context.duplicate).toBe(true);
    expect(context.acknowledged).toBe(true);

    first.inFlight.open('first outcome');
    await expect(first.done).resolves.toBe('first outcome');
    expect(first.next.runs).toBe(1);
    expect(first.context.duplicate).toBe(false);
    expect(first.interaction.calls).toEqual([]);
  });

  it('treats another button of a @DisableOnClick message clicked meanwhile as a repeat: one decision per message', async () => {
    const inFlight = gate<string>();
    const accept = fakeButton({ id: 'accept' });
    const first = intercept(interceptor, openContext({ id: 'accept', intentKey: 'terms/accept/1:message-1:user-1' }).context, necordContext(accept, DecisionHandlers, 'answer'), fakeHandler(() => inFlight.promise));

    const decline = fakeButton({ id: 'decline' });
    const { context } = openContext({ id: 'decline', intentKey: 'terms/decline/1:message-1:user-1' });
    const declineHandler = fakeHandler();
    await intercept(interceptor, context, necordContext(decline, DecisionHandlers, 'answer'), declineHandler);

    expect(declineHandler.runs).toBe(0);
    expect(context.duplicate).toBe(true);
    inFlight.open('accepted');
    await expect(first).resolves.toBe('accepted');
  });

  it('lets other buttons of an ordinary message run side by side', async () => {
    const first = startSlowClick('report/7/win:message-1:user-1');
    const other = fakeButton({ id: 'other' });
    const { context } = openContext({ id: 'other', intentKey: 'report/7/loss:message-1:user-1' });
    const next = fakeHandler();
    await intercept(interceptor, context, necordContext(other, Handlers, 'report'), next);
    expect(next.runs).toBe(1);
    first.inFlight.open('done');
    await first.done;
  });

  it('frees the intent once the first click completes', async () => {
    const first = startSlowClick();
    first.inFlight.open('done');
    await first.done;

    const again = fakeButton({ id: 'later' });
    const { context } = openContext({ id: 'later', intentKey: KEY });
    const next = fakeHandler();
    await intercept(interceptor, context, necordContext(again, Handlers, 'report'), next);

    expect(next.runs).toBe(1);
    expect(context.duplicate).toBe(false);
    expect(again.calls).toEqual([]);
  });

  it('frees the intent once the first click fails', async () => {
    const first = startSlowClick();
    const failure = new Error('database unavailable');
    first.inFlight.fail(failure);
    await expect(first.done).rejects.toBe(failure);

    const retry = fakeButton({ id: 'retry' });
    const { context } = openContext({ id: 'retry', intentKey: KEY });
    const next = fakeHandler();
    await intercept(interceptor, context, necordContext(retry, Handlers, 'report'), next);

    expect(next.runs).toBe(1);
    expect(context.duplicate).toBe(false);
  });

  it('lets a different intent run while another is in flight', async () => {
    const first = startSlowClick();
    const other = fakeButton({ id: 'other', userId: 'user-2' });
    const { context } = openContext({ id: 'other', intentKey: 'report/7/loss:message-1:user-2' });
    const next = fakeHandler();

    await intercept(interceptor, context, necordContext(other, Handlers, 'report'), next);

    expect(next.runs).toBe(1);
    expect(context.duplicate).toBe(false);
    first.inFlight.open('done');
    await first.done;
  });

  it('treats a modal submitted from a message like a click', async () => {
    const message = fakeMessage();
    const firstGate = gate<void>();
    const { context: firstContext } = openContext({ id: 'm1', kind: 'modal', intentKey: 'report/7/modal:message-1:user-1' });
    const first = intercept(interceptor, firstContext, necordContext(fakeModalSubmit({ fromMessage: message }), Handlers, 'report'), fakeHandler(() => firstGate.promise));

    const repeat = fakeModalSubmit({ id: 'm2', fromMessage: message });
    const { context } = openContext({ id: 'm2', kind: 'modal', intentKey: 'report/7/modal:message-1:user-1' });
    const next = fakeHandler();
    await intercept(interceptor, context, necordContext(repeat, Handlers, 'report'), next);

    expect(next.runs).toBe(0);
    expect(repeat.calls).toEqual([{ method: 'deferUpdate' }]);
    expect(context.duplicate).toBe(true);
    firstGate.open();
    await first;
  });

  it('never deduplicates commands, even with the same intent key', async () => {
    const firstGate = gate<void>();
    const { context: firstContext } = openContext({ id: 'c1', kind: 'command', intentKey: '/queue:c1' });
    const firstHandler = fakeHandler(() => firstGate.promise);
    const first = intercept(interceptor, firstContext, necordContext(fakeCommand({ id: 'c1' }), Handlers, 'report'), firstHandler);

    const second = fakeCommand({ id: 'c2' });
    const { context } = openContext({ id: 'c2', kind: 'command', intentKey: '/queue:c1' });
    const next = fakeHandler();
    await intercept(interceptor, context, necordContext(second, Handlers, 'report'), next);

    expect(next.runs).toBe(1);
    expect(context.duplicate).toBe(false);
    expect(second.calls).toEqual([]);
    firstGate.open();
    await first;
    expect(firstHandler.runs).toBe(1);
  });

  it('never deduplicates a modal opened by a command', async () => {
    const firstGate = gate<void>();
    const { context: firstContext } = openContext({ id: 'm1', kind: 'modal', intentKey: 'setup/name:m1' });
    const first = intercept(interceptor, firstContext, necordContext(fakeModalSubmit({ id: 'm1' }), Handlers, 'report'), fakeHandler(() => firstGate.promise));

    const { context } = openContext({ id: 'm2', kind: 'modal', intentKey: 'setup/name:m1' });
    const next = fakeHandler();
    await intercept(interceptor, context, necordContext(fakeModalSubmit({ id: 'm2' }), Handlers, 'report'), next);

    expect(next.runs).toBe(1);
    expect(context.duplicate).toBe(false);
    firstGate.open();
    await first;
  });

  it('runs a click outside an interaction context without deduplicating it', async () => {
    const first = startSlowClick();
    const next = fakeHandler();

    await intercept(interceptor, undefined, necordContext(fakeButton({ id: 'no-context' }), Handlers, 'report'), next);

    expect(next.runs).toBe(1);
    first.inFlight.open('done');
    await first.done;
  });

  it('passes HTTP requests through untouched', () => {
    const handled = of('http response');

    expect(interceptor.intercept(httpContext(), { handle: () => handled })).toBe(handled);
  });
});
