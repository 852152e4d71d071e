import { AsyncLocalStorage } from 'node:async_hooks';
import { InteractionContext } from './interaction-context';

const storage = new AsyncLocalStorage<InteractionContext>();

/** Runs `work` with `context` as the current interaction, through every await it makes. */
export function runInInteraction<T>(context: InteractionContext, work: () => T): T {
  return storage.run(context, work);
}

/** The interaction being handled in this async chain, if any. */
export function currentInteraction(): InteractionContext | undefined {
  return storage.getStore();
}
