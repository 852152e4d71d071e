import { RefusedAction } from '../../emulator';
import type { DriverUser } from '../../emulator';

export interface LadderProfile {
  name: string;
  battletag: string;
  /** a country code offered by setup's country selects */
  country: string;
  /** a residential region code */
  region: string;
}

/** The races to queue with: one per game at most, by race code. */
export interface QueueChoice {
  bw?: string;
  sc2?: string;
}

/** Waits between two steps, as a person reading the answer would. */
export type Pause = () => Promise<void>;

const noPause: Pause = () => Promise.resolve();

/** Accepts the terms and completes setup through the bot, as a person would. */
export async function joinLadder(user: DriverUser, profile: LadderProfile, pause: Pause = noPause): Promise<void> {
  await user.runCommand('termsofservice');
  await pause();
  await user.clickButton('Accept');
  await pause();
  await user.runCommand('setup');
  await pause();
  await user.fillModal({ 'Player name': profile.name, BattleTag: profile.battletag });
  await pause();
  // The countries are split over two selects; the one offering this country is not known in advance.
  await user.choose('setup/country/1', [profile.country]).catch((error: unknown) => {
    if (!(error instanceof RefusedAction)) throw error;
    return user.choose('setup/country/2', [profile.country]);
  });
  await user.choose('Residential region', [profile.region]);
  await pause();
  await user.clickButton('Confirm');
  if (!/Setup complete/.test(user.lastReply() ?? '')) throw new Error(`${profile.name} could not complete setup: ${user.lastReply()}`);
}

/** Opens /queue, picks the races and joins. */
export async function joinQueue(user: DriverUser, choice: QueueChoice, pause: Pause = noPause): Promise<void> {
  await user.runCommand('queue');
  await pause();
  if (choice.bw) await user.choose('queue/bw/', [choice.bw]);
  if (choice.sc2) await user.choose('queue/sc2/', [choice.sc2]);
  await pause();
  await user.clickButton('Join');
}
