import { APIMessage, ComponentType } from 'discord.js';
import { allComponents } from '../../emulator/components';
import { subscribe } from '../../emulator/events';
import { buttonLabel, renderMessage } from '../../emulator/render';
import type { DiscordDriver, DriverUser, StoredMessage } from '../../emulator';
import { joinLadder, joinQueue, Pause } from './join-ladder';
import { MatchMoment, nextMove, PracticeBehaviour, readMatchMessage, Report, SeenMatchMessage } from './practice-behaviour';
import { countryForRegion } from './practice-choices';

/** Who the page asked for: one race, a rating for it (or the ladder's starting one), a region and a behaviour. */
export interface PracticeRequest {
  race: { code: string; name: string; game: 'bw' | 'sc2' };
  rating: number | null;
  region: string;
  behaviour: PracticeBehaviour;
}

/** A practice opponent as the page lists it. */
export interface PracticeOpponentView {
  id: string;
  username: string;
  name: string;
  race: string;
  rating: number | null;
  region: string;
  behaviour: PracticeBehaviour;
  status: string;
  /** Between seeing a change and answering it (its pause, then its click). */
  busy: boolean;
}

/** The same move this many times in a row means the bot refuses it: the opponent stops rather than loop. */
const MOST_REPEATS = 3;

function seenOf(message: APIMessage): SeenMatchMessage {
  const buttons = allComponents(message.components ?? []).flatMap((component) =>
    component.type === ComponentType.Button ? [{ label: buttonLabel(component), disabled: Boolean(component.disabled) }] : [],
  );
  return { title: message.embeds[0]?.title ?? '', text: renderMessage(message), buttons };
}

/**
 * A scripted player in the sandbox: accepts the terms, sets up, has the sandbox's admin set its rating,
 * queues, and answers its match as its behaviour says, through the emulator, pausing before each step.
 */
export class PracticeOpponent {
  private state = 'joining the ladder';
  private match: { id: number; messageId: string } | undefined;
  private acting = false;
  private again = false;
  private stopped = false;
  private lastMove = { key: '', times: 0 };
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly driver: DiscordDriver,
    private readonly user: DriverUser,
    private readonly admin: DriverUser,
    private readonly name: string,
    private readonly request: PracticeRequest,
    private readonly pause: Pause,
    private readonly changed: () => void,
  ) {}

  get view(): PracticeOpponentView {
    const { race, rating, region, behaviour } = this.request;
    return { id: this.user.id, username: this.user.username, name: this.name, race: race.name, rating, region, behaviour, status: this.state, busy: this.acting };
  }

  async start(): Promise<void> {
    try {
      const { region, race, rating } = this.request;
      await joinLadder(this.user, { name: this.name, battletag: `${this.name}#${1000 + (Number(this.user.id.slice(-4)) % 9000)}`, country: countryForRegion(region), region }, this.pause);
      if (rating !== null) await this.setRating(race.code, rating);
      this.watchDms();
      await this.pause();
      await joinQueue(this.user, { [race.game]: race.code }, this.pause);
      if (this.match) return;
      const answer = this.driver.lastReply(this.user.id)?.message.embeds[0];
      if (answer?.title !== 'Searching for a match') throw new Error(`the queue refused it: ${answer?.description ?? 'no answer'}`);
      this.status(`queued as ${race.name}`);
    } catch (error) {
      this.stop(`stopped: ${(error as Error).message}`);
    }
  }

  dispose(): void {
    this.stopped = true;
    this.unsubscribe.forEach((stop) => stop());
  }

  private status(text: string): void {
    this.state = text;
    this.changed();
  }

  private stop(why: string): void {
    this.dispose();
    this.status(why);
  }

  /** The sandbox's admin sets the rating with /admin rating, as an admin would for a player. */
  private async setRating(race: string, value: number): Promise<void> {
    await this.admin.runCommand('admin rating', { user: { id: this.user.id }, race, value, reason: `practice opponent ${this.name}` });
    const preview = this.driver.lastReply(this.admin.id);
    await this.admin.clickButton('Confirm', { messageId: preview?.message.id });
  }

  private isOwnDm(stored: StoredMessage): boolean {
    return this.driver.emulator.state.channels.get(stored.message.channel_id)?.recipientId === this.user.id;
  }

  private watchDms(): void {
    const seen = (stored: StoredMessage) => {
      if (this.stopped) return;
      const title = stored.message.embeds[0]?.title ?? '';
      const found = /^Match found: #(\d+)$/.exec(title);
      if (!this.match && found && this.isOwnDm(stored)) this.match = { id: Number(found[1]), messageId: stored.message.id };
      if (!this.match) return;
      // The page shows what the opponent sees at once; its answer comes after its pause.
      if (stored.message.id === this.match.messageId) this.status(title);
      // The other player's card changes too: a conflicting opponent answers their report.
      if (stored.message.id === this.match.messageId || title.startsWith(`Match #${this.match.id}:`)) this.poke();
    };
    this.unsubscribe.push(subscribe(this.driver.emulator.events, 'messageCreate', seen), subscribe(this.driver.emulator.events, 'messageUpdate', seen));
  }

  /** One step at a time: a change seen while a step runs is looked at once that step is done. */
  private poke(): void {
    if (this.acting) {
      this.again = true;
      return;
    }
    this.acting = true;
    this.changed();
    void this.act().finally(() => {
      this.acting = false;
      this.changed();
    });
  }

  private async act(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pause();
        if (!this.stopped) await this.step();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.stop(`stopped: ${(error as Error).message}`);
    }
  }

  private async step(): Promise<void> {
    const stored = this.match && this.driver.emulator.state.messages.get(this.match.messageId);
    if (!stored) return;
    const moment = readMatchMessage(seenOf(stored.message));
    const move = nextMove(this.request.behaviour, moment, this.theirReport(moment));
    if (move.do === 'finish') return this.dispose();
    if (move.do === 'wait') return;
    const key = `${stored.message.edited_timestamp}|${move.label}`;
    this.lastMove = { key, times: this.lastMove.key === key ? this.lastMove.times + 1 : 1 };
    if (this.lastMove.times > MOST_REPEATS) return this.stop(`stopped: the bot kept refusing "${move.label}"`);
    await this.user.clickButton(move.label, { messageId: stored.message.id });
    this.again = true;
  }

  /** The other player's report, as their own match card shows it: what a conflicting opponent contradicts. */
  private theirReport(moment: MatchMoment): Report | null {
    if (moment.kind !== 'card' || !moment.opponentReported) return null;
    const title = `Match #${moment.matchId}: both confirmed, play!`;
    for (const stored of this.driver.emulator.state.messages.values()) {
      if (stored.message.embeds[0]?.title !== title || this.isOwnDm(stored)) continue;
      const theirs = readMatchMessage(seenOf(stored.message));
      if (theirs.kind === 'card' && theirs.matchId === moment.matchId && theirs.reported) return theirs.reported;
    }
    return null;
  }
}
