import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { InteractionOutcome } from './interaction-context';
import { LadderMetrics } from '../metrics/ladder-metrics';

/** What happens when an interaction finishes: its metrics, and one structured log line. */
@Injectable()
export class InteractionRecorder {
  constructor(
    private readonly metrics: LadderMetrics,
    @InjectPinoLogger('Interaction') private readonly logger: PinoLogger,
  ) {}

  private readonly listeners = new Set<(outcome: InteractionOutcome) => void>();

  /** Calls `listener` with every outcome from now on, until the returned function is called. */
  onRecord(listener: (outcome: InteractionOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  record(outcome: InteractionOutcome): void {
    this.metrics.recordInteraction(outcome);
    this.listeners.forEach((listener) => listener(outcome));
    this.logger.info(
      {
        interaction: outcome.interactionId,
        route: outcome.route,
        user: outcome.userId,
        username: outcome.username,
        ackMs: outcome.ackMs === undefined ? null : Math.round(outcome.ackMs * 10) / 10,
        totalMs: Math.round(outcome.totalMs * 10) / 10,
        queries: outcome.queries,
        cacheHits: outcome.cacheHits,
        duplicate: outcome.duplicate,
        failed: outcome.failed,
      },
      'interaction',
    );
  }
}
