import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, Observable, tap } from 'rxjs';
import { currentInteraction } from '../context/current-interaction';
import { InteractionRefusal } from '../errors/interaction-refusal';

/**
 * Outermost: finishes the interaction's record when its handling succeeds. Anything thrown goes on to
 * the exception filter, which answers the person and then finishes the record, so the answer counts.
 */
@Injectable()
export class InteractionMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const interaction = context.getType<string>() === 'necord' ? currentInteraction() : undefined;
    if (!interaction) return next.handle();
    let thrown = false;
    return next.handle().pipe(
      tap({
        error: (error: unknown) => {
          thrown = true;
          if (!(error instanceof InteractionRefusal)) interaction.failed = true;
        },
      }),
      finalize(() => {
        if (!thrown) interaction.finish();
      }),
    );
  }
}
