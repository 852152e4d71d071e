import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { currentInteraction } from './common/context/current-interaction';
import { QueryCounter } from './database/query-counter';
import { WriteListeners } from './database/write-listeners';

/**
 * Charges every database statement to the interaction whose handling sent it, and tells it how its
 * writes ended: applied or repeated (its effect is saved), a repeat also counting as a duplicate.
 * It sits beside the app module, so the pipeline and the database layer need not know each other.
 */
@Injectable()
export class InteractionDatabaseAttribution implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly counter: QueryCounter,
    private readonly writes: WriteListeners,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.counter.subscribe(() => {
        const interaction = currentInteraction();
        if (interaction) interaction.queries += 1;
      }),
      this.writes.subscribe((status) => {
        const interaction = currentInteraction();
        if (!interaction || status === 'stale') return;
        interaction.markCommitted();
        if (status === 'repeat') interaction.duplicate = true;
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((stop) => stop());
  }
}
