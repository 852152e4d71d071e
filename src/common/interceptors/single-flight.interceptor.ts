import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, map, Observable, finalize } from 'rxjs';
import { currentInteraction } from '../context/current-interaction';
import { DISABLE_ON_CLICK } from '../decorators/disable-on-click.decorator';
import { interactionOf } from '../guards/interaction-of';
import { SingleFlight } from '../single-flight/single-flight';

/**
 * One operation per intent at a time: a click repeating one still in progress is acknowledged without
 * changing the message (the first outcome stands) and counted as a duplicate. A `@DisableOnClick`
 * message is one decision, so any of its buttons clicked meanwhile (Decline while Accept is saving)
 * is a repeat too.
 */
@Injectable()
export class SingleFlightInterceptor implements NestInterceptor {
  private readonly flights = new SingleFlight();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const interaction = interactionOf(context);
    const current = currentInteraction();
    const fromMessage = interaction?.isMessageComponent() || (interaction?.isModalSubmit() && interaction.isFromMessage());
    if (!interaction || !current || !fromMessage) return next.handle();

    const oneDecision = this.reflector.getAllAndOverride<boolean>(DISABLE_ON_CLICK, [context.getHandler(), context.getClass()]);
    const key = oneDecision && interaction.isMessageComponent() ? `decision:${interaction.message.id}:${interaction.user.id}` : current.intentKey;
    const release = this.flights.tryEnter(key);
    if (!release) {
      current.duplicate = true;
      return from(interaction.deferUpdate()).pipe(map(() => current.markAcknowledged()));
    }
    return next.handle().pipe(finalize(release));
  }
}
