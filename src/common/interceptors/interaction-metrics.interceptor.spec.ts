import { of } from 'rxjs';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { fakeButton, fakeHandler, httpContext, intercept, necordContext, openContext } from '../testing/fake-interactions';
import { InteractionMetricsInterceptor } from './interaction-metrics.interceptor';

class Handlers {
  report(): void {}
}

describe('InteractionMetricsInterceptor', () => {
  const interceptor = new InteractionMetricsInterceptor();
  const execution = () => necordContext(fakeButton(), Handlers, 'report');

  afterEach(() => jest.restoreAllMocks());

  it('finishes the record exactly once when the handler succeeds, and passes its result on', async () => {
    const { context, outcomes } = openContext();
    const finish = jest.spyOn(context, 'finish');

    await expect(intercept(interceptor, context, execution(), fakeHandler(() => 'rendered'))).resolves.toBe('rendered');

    expect(finish).toHaveBeenCalledTimes(1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ route: 'report/:matchId/:result', kind: 'component', userId: 'user-1', failed: false, duplicate: false });
  });

  it('does not finish the record before the handler is done', async () => {
    const { context, outcomes } = openContext();
    let finishedWhileHandling: number | undefined;

    await intercept(interceptor, context, execution(), fakeHandler(() => (finishedWhileHandling = outcomes.length)));

    expect(finishedWhileHandling).toBe(0);
    expect(outcomes).toHaveLength(1);
  });

  it('records a duplicate that an inner interceptor flagged', async () => {
    const { context, outcomes } = openContext();

    await intercept(interceptor, context, execution(), fakeHandler(() => (context.duplicate = true)));

    expect(outcomes).toEqual([expect.objectContaining({ duplicate: true, failed: false })]);
  });

  it('marks the record failed on an unexpected error and leaves finishing to the exception filter', async () => {
    const { context, outcomes } = openContext();
    const finish = jest.spyOn(context, 'finish');
    const failure = new Error('database unavailable');

    await expect(
      intercept(interceptor, context, execution(), fakeHandler(() => {
        throw failure;
      })),
    ).rejects.toBe(failure);

    expect(context.failed).toBe(true);
    expect(finish).not.toHaveBeenCalled();
    expect(outcomes).toEqual([]);
  });

  it('leaves a refusal unmarked and for the filter to finish, once it has answered', async () => {
    const { context, outcomes } = openContext();
    const finish = jest.spyOn(context, 'finish');
    const refusal = new InteractionRefusal('Match already reported', 'Your opponent reported it first.');

    await expect(
      intercept(interceptor, context, execution(), fakeHandler(() => {
        throw refusal;
      })),
    ).rejects.toBe(refusal);

    expect(context.failed).toBe(false);
    expect(finish).not.toHaveBeenCalled();
    expect(outcomes).toEqual([]);
  });

  it('passes HTTP requests through untouched and finishes nothing', async () => {
    const { context, outcomes } = openContext();
    const handled = of('http response');

    const result = await intercept(interceptor, context, httpContext(), { handle: () => handled });

    expect(result).toBe('http response');
    expect(interceptor.intercept(httpContext(), { handle: () => handled })).toBe(handled);
    expect(outcomes).toEqual([]);
  });

  it('passes a Discord handler through when no interaction context is open', async () => {
    const handled = of('no context');

    expect(interceptor.intercept(execution(), { handle: () => handled })).toBe(handled);
  });
});
