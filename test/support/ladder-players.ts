import { DriverUser } from '../../src/emulator';
import { joinLadder } from '../../src/sandbox/practice/join-ladder';

export interface ProfileInput {
  name: string;
  country: string;
  region: string;
}

/** A person who accepted the terms and completed setup, through the bot as a player would. */
export async function readyPlayer(user: DriverUser, profile: ProfileInput): Promise<DriverUser> {
  await joinLadder(user, { ...profile, battletag: `${profile.name}#1234` });
  return user;
}
