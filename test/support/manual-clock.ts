import { Clock } from '../../src/common/clock/clock';

/** A clock a test moves by hand: the bot's deadlines and months follow it, the real time does not. */
export class ManualClock extends Clock {
  private at: number;

  constructor(start = new Date()) {
    super();
    this.at = start.getTime();
  }

  override now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }

  set(date: Date): void {
    this.at = date.getTime();
  }
}
