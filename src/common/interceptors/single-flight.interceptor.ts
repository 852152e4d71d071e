import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, map, Observable, finalize } from 'rxjs';
import { currentInteraction } from '../context/current-interaction';
import { interactionOf } from '../guards/interaction-of';
import { SingleFlight } from '../single-flight/single-flight';

/**
 * One operation per intent at a time: a click repeating one still in progress is acknowledged without
 * changing the message (the first outcome stands) and counted as a duplicate.
 */
@Injectable()
export class SingleFlightInterceptor implements NestInterceptor {
  private readonly flights = new SingleFlight();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const interaction = interactionOf(context);
    const current = currentInteraction();
    const fromMessage = interaction?.isMessageComponent() || (interaction?.isModalSubmit() && interaction.isFromMessage());
    if (!interaction || !current || !fromMessage) return next.handle();

    const release = this.flights.tryEnter(current.intentKey);
    if (!release) {
      current.duplicate = true;
      return from(interaction.deferUpdate()).pipe(map(() => current.markAcknowledged()));
    }
    return next.handle().pipe(finalize(release));
  }
}
