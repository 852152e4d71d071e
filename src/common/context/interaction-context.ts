import { performance } from 'node:perf_hooks';

export type InteractionKind = 'command' | 'autocomplete' | 'component' | 'modal';

export interface InteractionOutcome {
  interactionId: string;
  route: string;
  kind: InteractionKind;
  userId: string;
  username: string;
  ackMs: number | undefined;
  totalMs: number;
  queries: number;
  cacheHits: number;
  cacheMisses: number;
  duplicate: boolean;
  failed: boolean;
}

type Finished = (outcome: InteractionOutcome) => void;

/**
 * What the pipeline knows about one interaction while it is handled: opened where the interaction
 * enters, before guards run, and finished once (by the pipeline, a filter or the entry refusing it).
 */
export class InteractionContext {
  readonly startedAt = performance.now();
  queries = 0;
  cacheHits = 0;
  cacheMisses = 0;
  duplicate = false;
  failed = false;
  /** Its effect reached the database: an error after this must not say that nothing changed. */
  committed = false;
  private acknowledgedAt?: number;
  private finished = false;

  constructor(
    readonly interactionId: string,
    readonly route: string,
    readonly kind: InteractionKind,
    readonly userId: string,
    readonly username: string,
    /** What the person means to do; repeats of one intent share it (see ARCHITECTURE.md, idempotency). */
    readonly intentKey: string,
    private readonly onFinish: Finished,
  ) {}

  markCommitted(): void {
    this.committed = true;
  }

  markAcknowledged(): void {
    this.acknowledgedAt ??= performance.now();
  }

  get acknowledged(): boolean {
    return this.acknowledgedAt !== undefined;
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.onFinish({
      interactionId: this.interactionId,
      route: this.route,
      kind: this.kind,
      userId: this.userId,
      username: this.username,
      ackMs: this.acknowledgedAt === undefined ? undefined : this.acknowledgedAt - this.startedAt,
      totalMs: performance.now() - this.startedAt,
      queries: this.queries,
      cacheHits: this.cacheHits,
      cacheMisses: this.cacheMisses,
      duplicate: this.duplicate,
      failed: this.failed,
    });
  }
}
