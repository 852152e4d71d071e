import { runInInteraction } from './common/context/current-interaction';
import { InteractionContext } from './common/context/interaction-context';
import { QueryCounter } from './database/query-counter';
import { WriteListeners } from './database/write-listeners';
import { InteractionDatabaseAttribution } from './interaction-database-attribution';

describe('charging database work to the interaction that did it', () => {
  const counter = new QueryCounter();
  const writes = new WriteListeners();
  const attribution = new InteractionDatabaseAttribution(counter, writes);
  beforeAll(() => attribution.onModuleInit());
  afterAll(() => attribution.onModuleDestroy());

  const context = () => new InteractionContext('i', 'setcountry/confirm/:code/:rev', 'component', 'u', 'player', 'k', () => undefined);
  const state = (interaction: InteractionContext) => ({ queries: interaction.queries, committed: interaction.committed, duplicate: interaction.duplicate });

  it('counts each statement against the interaction in whose handling it was sent, and no other', async () => {
    const mine = context();
    const other = context();
    await runInInteraction(mine, async () => {
      counter.logQuery('SELECT 1');
      await Promise.resolve();
      counter.logQuery('SELECT 2');
    });
    runInInteraction(other, () => counter.logQuery('SELECT 3'));
    counter.logQuery('outside any interaction');
    expect([mine.queries, other.queries]).toEqual([2, 1]);
  });

  it.each([
    ['applied', { committed: true, duplicate: false }],
    ['repeat', { committed: true, duplicate: true }],
    ['stale', { committed: false, duplicate: false }],
  ] as const)('marks a write that was %s', (status, expected) => {
    const interaction = context();
    runInInteraction(interaction, () => writes.notify(status));
    expect(state(interaction)).toEqual({ queries: 0, ...expected });
  });

  it('stops listening when the module is destroyed', () => {
    const interaction = context();
    const local = { counter: new QueryCounter(), writes: new WriteListeners() };
    const wired = new InteractionDatabaseAttribution(local.counter, local.writes);
    wired.onModuleInit();
    wired.onModuleDestroy();
    runInInteraction(interaction, () => {
      local.counter.logQuery('SELECT 1');
      local.writes.notify('applied');
    });
    expect(state(interaction)).toEqual({ queries: 0, committed: false, duplicate: false });
  });
});
