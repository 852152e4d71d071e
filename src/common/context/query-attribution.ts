import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { QueryCounter } from '../../database/query-counter';
import { currentInteraction } from './current-interaction';

/** Charges every database statement to the interaction whose handling sent it. */
@Injectable()
export class QueryAttribution implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(private readonly counter: QueryCounter) {}

  onModuleInit(): void {
    this.unsubscribe = this.counter.subscribe(() => {
      const interaction = currentInteraction();
      if (interaction) interaction.queries += 1;
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
