import { Inject, Injectable, Optional } from '@nestjs/common';
import { GuardedWrite } from './guarded-write';

export const HOLD_AT = Symbol('HOLD_AT');
/** How a held bot tells the process that started it (its IPC channel by default). */
export const HOLD_SIGNAL = Symbol('HOLD_SIGNAL');
export type HoldSignal = (point: string) => void;

/**
 * The points of the write path where `npm run chaos` stops the bot so that its SIGKILL lands there:
 * before each write and after it (committed, memory not yet updated, nobody told yet). Nothing
 * happens unless CHAOS_HOLD_AT names a point; then, on reaching it (`name:after`, or its second time
 * `name:after#2`), the bot tells its parent process and waits for ever.
 */
@Injectable()
export class CrashPoints {
  private readonly reached = new Map<string, number>();

  constructor(
    @Inject(HOLD_AT) private readonly holdAt: string | undefined,
    @Optional() @Inject(HOLD_SIGNAL) private readonly signal: HoldSignal = (point) => process.send?.({ kind: 'held', point }),
  ) {}

  async reach(write: GuardedWrite, moment: 'before' | 'after'): Promise<void> {
    if (this.holdAt === undefined) return;
    const point = `${writeName(write)}:${moment}`;
    const times = (this.reached.get(point) ?? 0) + 1;
    this.reached.set(point, times);
    if (this.holdAt !== point && this.holdAt !== `${point}#${times}`) return;
    this.signal(this.holdAt);
    await new Promise<never>(() => undefined);
  }
}

/** A write by what it records: its first keyed row's action, else what its first change does. */
export function writeName(write: GuardedWrite): string {
  const first = write.keyed?.rows[0];
  if (first && typeof first.action === 'string') return first.action;
  if (write.keyed) return `insert_${write.keyed.table}`;
  const change = write.changes[0];
  return 'update' in change ? `update_${change.update}` : 'insert' in change ? `insert_${change.insert}` : `delete_${change.delete}`;
}
