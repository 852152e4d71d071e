import { DriverUser } from '../../src/emulator';
import { renderMessage } from '../../src/emulator/render';
import { WaveService } from '../../src/modules/matches/wave.service';
import { E2e } from './e2e';
import { joinQueue, QueueChoice } from '../../src/sandbox/practice/join-ladder';
import { readyPlayer } from './ladder-players';
import { ManualClock } from './manual-clock';

/** A match found by a wave: both players and each one's match DM. */
export interface FoundMatch {
  bw: DriverUser;
  sc2: DriverUser;
  matchId: number;
  dm: { bw: string; sc2: string };
}

export type ReportLabel = 'I won' | 'I lost' | 'Draw';

/**
 * Plays the ladder through the emulator as its players do, for suites that need matches: ready
 * players with names of their own, queueing, a wave, confirming and reporting.
 */
export class LadderPlay {
  private people = 0;

  constructor(
    private readonly e2e: E2e,
    private readonly clock?: ManualClock,
  ) {}

  /** A message as its reader sees it now. */
  render(messageId: string): string {
    return renderMessage(this.e2e.emulator.state.messages.get(messageId)!.message);
  }

  /** A new player, terms accepted and set up; `name` gets a suffix so every suite run has its own. */
  async player(name: string, profile: { region?: string; country?: string } = {}): Promise<DriverUser> {
    this.people += 1;
    const suffix = String.fromCharCode(97 + (this.people % 26)) + String.fromCharCode(97 + Math.floor(this.people / 26));
    const user = this.e2e.driver.createUser(`${name}${suffix}`.toLowerCase());
    return readyPlayer(user, { name: `${name}${suffix}`, country: profile.country ?? 'DE', region: profile.region ?? 'EUW' });
  }

  queue(user: DriverUser, choice: QueueChoice): Promise<void> {
    return joinQueue(user, choice);
  }

  /** Both queued (BW Zerg v SC2 Terran) and matched by the next wave; with a clock, after three waves waited (a window of 250). */
  async matched(bw: DriverUser, sc2: DriverUser): Promise<FoundMatch> {
    await this.queue(bw, { bw: 'bw_zerg' });
    await this.queue(sc2, { sc2: 'sc2_terran' });
    const dms = Promise.all([bw.waitForDm((m) => /Match found/.test(m.text)), sc2.waitForDm((m) => /Match found/.test(m.text))]);
    this.clock?.advance(3 * 45_000);
    const report = await this.e2e.app.get(WaveService).runNext();
    if (report.created.length !== 1) throw new Error(`The wave made ${report.created.length} matches, not the one expected`);
    const [bwDm, sc2Dm] = await dms;
    return { bw, sc2, matchId: report.created[0], dm: { bw: bwDm.messageId, sc2: sc2Dm.messageId } };
  }

  /** Matched and confirmed by both: the match cards are in both DMs. */
  async played(bw: DriverUser, sc2: DriverUser): Promise<FoundMatch> {
    const match = await this.matched(bw, sc2);
    await bw.clickButton('Confirm', { messageId: match.dm.bw });
    await sc2.clickButton('Confirm', { messageId: match.dm.sc2 });
    if (!/both confirmed, play!/.test(this.render(match.dm.bw))) throw new Error(`Match #${match.matchId} did not reach its card`);
    return match;
  }

  async report(user: DriverUser, messageId: string, label: ReportLabel): Promise<void> {
    await user.clickButton(label, { messageId });
    await user.clickButton(`Confirm: ${label}`, { messageId });
  }
}
