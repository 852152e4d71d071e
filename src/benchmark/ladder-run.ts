import { DiscordDriver, InteractionOutcome as DriverOutcome } from '../emulator/driver';
import { DriverUser } from '../emulator/driver-user';
import { waitUntil } from '../emulator/wait-until';
import { WaveService } from '../modules/matches/wave.service';
import { letters, readyPlayer } from './bench-players';
import { LatencyProxy } from './latency-proxy';

/** One measurement of one step. `ackMs` is null for work no interaction starts (a wave). */
export interface StepSample {
  step: string;
  ackMs: number | null;
  doneMs: number;
  roundTrips: number;
  queries: number;
}

export interface LadderRunContext {
  driver: DiscordDriver;
  proxy: LatencyProxy;
  waves: WaveService;
  admin: DriverUser;
  /** Statements the bot sent so far (its own counter). */
  queries(): number;
  /** Whether the bot finished handling an interaction. */
  finished(interactionId: string): boolean;
  /** How long the proxy must stay silent before a step counts as over. */
  quietMs: number;
}

/**
 * Plays the ladder as two new players and an admin, one step at a time, measuring each: nothing else
 * runs meanwhile (waves are run by hand, timers are off), and a step ends only when the bot's work
 * after the acknowledgement has crossed the proxy too.
 */
export class LadderRun {
  private waveId = Math.floor(Date.now() / 45_000) + 1;
  readonly samples: StepSample[] = [];

  constructor(private readonly context: LadderRunContext) {}

  async repetition(index: number): Promise<void> {
    const { driver } = this.context;
    const tag = letters(index);
    const ann = driver.createUser(`ann${tag}`);
    const ben = driver.createUser(`ben${tag}`);

    await this.interaction('guard: a stranger runs /profile', () => ann.runCommand('profile'));
    await this.interaction('/help', () => ann.runCommand('help'));
    await this.interaction('/termsofservice', () => ann.runCommand('termsofservice'));
    await this.interaction('terms Accept', () => ann.clickButton('Accept'));
    await this.interaction('/setup (opens the form)', () => ann.runCommand('setup'));
    await this.interaction('setup form submitted', () => ann.fillModal({ 'Player name': `Ann${tag}`, BattleTag: `Ann${tag}#1234` }));
    await this.interaction('setup country chosen', () => ann.choose('setup/country/1', ['DE']));
    await this.interaction('setup region chosen', () => ann.choose('Residential region', ['EUW']));
    await this.interaction('setup Confirm', () => ann.clickButton('Confirm'));
    await this.interaction('/setcountry autocomplete', () => autocomplete(driver, () => ann.autocomplete('setcountry', 'country', 'fra')));
    await this.interaction('/setcountry', () => ann.runCommand('setcountry', { country: 'FR' }));
    await this.interaction('setcountry Confirm', () => ann.clickButton('Confirm'));
    await this.interaction('/profile (cold)', () => ann.runCommand('profile'));
    await this.interaction('/profile (warm)', () => ann.runCommand('profile'));

    await this.unmeasured(() => readyPlayer(ben, `Ben${tag}`));
    await this.interaction('/history (cold)', () => ben.runCommand('history'));
    await this.interaction('/history (warm)', () => ben.runCommand('history'));

    await this.interaction('/queue (opens)', () => ann.runCommand('queue'));
    await this.interaction('queue race chosen (preferences saved)', () => ann.choose('queue/bw/', ['bw_zerg']));
    await this.interaction('queue Join', () => ann.clickButton('Join'));
    await this.interaction('queue Leave', () => ann.clickButton('Leave'));

    const first = await this.match(ann, ben);
    await this.interaction('match Confirm (first)', () => ann.clickButton('Confirm', { messageId: first.ann }));
    await this.interaction('match Confirm (second: the card)', () => ben.clickButton('Confirm', { messageId: first.ben }));
    await this.interaction('report chosen', () => ann.clickButton('I won', { messageId: first.ann }));
    await this.interaction('report Confirm (first report)', () => ann.clickButton('Confirm: I won', { messageId: first.ann }));
    await this.unmeasured(() => ben.clickButton('I lost', { messageId: first.ben }));
    await this.interaction('report Confirm (completes: both ratings)', () => ben.clickButton('Confirm: I lost', { messageId: first.ben }));

    await this.interaction('/leaderboard (first page)', () => ann.runCommand('leaderboard'));
    const board = driver.lastReply(ann.id)!.message.id;
    await this.interaction('leaderboard filtered page', () => ann.choose('leaderboard/races/', ['bw_zerg'], { messageId: board }));

    const { admin } = this.context;
    await this.interaction('/admin resolve (preview)', () => admin.runCommand('admin resolve', { match: first.matchId, result: 'draw', reason: 'Both players agreed it was a draw' }));
    await this.interaction('admin resolve Confirm', () => admin.clickButton('Confirm', { messageId: driver.lastReply(admin.id)!.message.id }));

    const second = await this.match(ann, ben);
    await this.interaction('match Abort (asks)', () => ann.clickButton('Abort (3 of 3 left this month)', { messageId: second.ann }));
    await this.interaction('match Confirm abort', () => ann.clickButton('Confirm abort', { messageId: second.ann }));
  }

  /** Both queue (not measured), then a wave by hand makes their match: measured until both DMs arrived. */
  private async match(bw: DriverUser, sc2: DriverUser): Promise<{ matchId: number; ann: string; ben: string }> {
    await this.unmeasured(async () => {
      await bw.runCommand('queue');
      await bw.choose('queue/bw/', ['bw_zerg']);
      await bw.clickButton('Join');
      await sc2.runCommand('queue');
      await sc2.choose('queue/sc2/', ['sc2_terran']);
      return sc2.clickButton('Join');
    });
    const dms = Promise.all([bw.waitForDm((m) => /Match found/.test(m.text), 30_000), sc2.waitForDm((m) => /Match found/.test(m.text), 30_000)]);
    let created: number[] = [];
    await this.measure('wave: a match created', async () => {
      const started = performance.now();
      this.waveId += 1;
      created = (await this.context.waves.run(this.waveId)).created;
      await dms;
      return { ackMs: null, doneMs: performance.now() - started };
    });
    if (created.length !== 1) throw new Error(`the wave made ${created.length} matches, not 1`);
    const [annDm, benDm] = await dms;
    return { matchId: created[0], ann: annDm.messageId, ben: benDm.messageId };
  }

  private async interaction(step: string, act: () => Promise<DriverOutcome>): Promise<void> {
    await this.measure(step, async () => {
      const outcome = await act();
      if (!outcome.acknowledged) throw new Error(`${step}: not acknowledged`);
      await waitUntil(`${step} to finish`, () => this.context.finished(outcome.interactionId), 30_000);
      return { ackMs: outcome.ackMs ?? null, doneMs: outcome.lastChangeMs ?? outcome.ackMs ?? NaN };
    });
  }

  private async measure(step: string, act: () => Promise<{ ackMs: number | null; doneMs: number }>): Promise<void> {
    const { proxy, quietMs } = this.context;
    await proxy.idle(quietMs);
    const trips = proxy.roundTrips;
    const queries = this.context.queries();
    const timing = await act();
    await proxy.idle(quietMs);
    this.samples.push({ step, ...timing, roundTrips: proxy.roundTrips - trips, queries: this.context.queries() - queries });
  }

  private async unmeasured(act: () => Promise<unknown>): Promise<void> {
    await act();
    await this.context.proxy.idle(this.context.quietMs);
  }
}

/** Autocomplete answers with choices; its timing is the driver's latest. */
async function autocomplete(driver: DiscordDriver, type: () => Promise<unknown>): Promise<DriverOutcome> {
  await type();
  const timing = driver.timings().at(-1)!;
  return { interactionId: timing.interactionId, acknowledged: timing.ackMs !== undefined, ackMs: timing.ackMs, lastChangeMs: timing.ackMs, failed: false, timedOut: false };
}
