import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, Observable, tap } from 'rxjs';
import { currentInteraction } from '../context/current-interaction';
import { InteractionRefusal } from '../errors/interaction-refusal';

/** Outermost: finishes the interaction's record when its handling ends, marking it failed on an error. */
@Injectable()
export class InteractionMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const interaction = context.getType<string>() === 'necord' ? currentInteraction() : undefined;
    if (!interaction) return next.handle();
    return next.handle().pipe(
      tap({
        error: (error: unknown) => {
          if (!(error instanceof InteractionRefusal)) interaction.failed = true;
        },
      }),
      finalize(() => {
        // An error goes on to the exception filter, which answers the user and finishes the record.
        if (!interaction.failed) interaction.finish();
      }),
    );
  }
}
