import { DiscordDriver } from '../emulator/driver';

/**
 * The scripted session the demo plays: several players using the bot as people do. It grows with
 * the ladder's features.
 */
export async function playDemoSession(driver: DiscordDriver): Promise<void> {
  const alice = driver.createUser('alice');
  const bob = driver.createUser('bob');

  await alice.runCommand('help');
  await bob.runCommand('help');
}
