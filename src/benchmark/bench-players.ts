import { InteractionOutcome } from '../emulator/driver';
import { DriverUser } from '../emulator/driver-user';

/** Terms accepted and setup completed through the bot, as a new player does it (country DE, region EUW). */
export async function readyPlayer(user: DriverUser, name: string): Promise<InteractionOutcome> {
  await user.runCommand('termsofservice');
  await user.clickButton('Accept');
  await setUp(user, name);
  return user.clickButton('Confirm');
}

/** Setup up to its Confirm, for someone who accepted the terms. */
export async function setUp(user: DriverUser, name: string): Promise<void> {
  await user.runCommand('setup');
  await user.fillModal({ 'Player name': name, BattleTag: `${name}#1234` });
  await user.choose('setup/country/1', ['DE']);
  await user.choose('Residential region', ['EUW']);
}

/** aa, ab, ...: names that differ per index and pass the name rules. */
export function letters(index: number): string {
  return String.fromCharCode(97 + (Math.floor(index / 26) % 26)) + String.fromCharCode(97 + (index % 26));
}
