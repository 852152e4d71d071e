import { DriverUser } from '../../src/emulator';

export interface ProfileInput {
  name: string;
  country: string;
  region: string;
}

/** A person who accepted the terms and completed setup, through the bot as a player would. */
export async function readyPlayer(user: DriverUser, profile: ProfileInput): Promise<DriverUser> {
  await user.runCommand('termsofservice');
  await user.clickButton('Accept');
  await user.runCommand('setup');
  await user.fillModal({ 'Player name': profile.name, BattleTag: `${profile.name}#1234` });
  try {
    await user.choose('setup/country/1', [profile.country]);
  } catch {
    await user.choose('setup/country/2', [profile.country]);
  }
  await user.choose('Residential region', [profile.region]);
  await user.clickButton('Confirm');
  if (!/Setup complete/.test(user.lastReply() ?? '')) throw new Error(`${profile.name} could not complete setup: ${user.lastReply()}`);
  return user;
}
