import { DiscordDriver } from '../emulator/driver';
import { DriverUser } from '../emulator/driver-user';

/**
 * The scripted session the demo plays: several players using the bot as people do. It grows with
 * the ladder's features.
 */
export async function playDemoSession(driver: DiscordDriver, ladder: { runWave(): Promise<unknown> }, admin: DriverUser): Promise<void> {
  const alice = driver.createUser('alice');
  const bob = driver.createUser('bob');

  await bob.runCommand('profile');

  await alice.runCommand('termsofservice');
  await alice.clickButton('Accept');
  await alice.runCommand('setup');
  await alice.fillModal({ 'Player name': 'Alice', BattleTag: '앨리스#1234', 'Alt name 1': '앨리스' });
  await alice.choose('setup/country/2', ['KR']);
  await alice.choose('Residential region', ['KRJ']);
  await alice.clickButton('Confirm');

  await bob.runCommand('termsofservice');
  await bob.clickButton('Accept');
  await bob.runCommand('setup');
  await bob.fillModal({ 'Player name': 'Bo', BattleTag: 'Bob#12' });
  await bob.clickButton('Try again');
  await bob.fillModal({ 'Player name': 'Bobby', BattleTag: 'Bob#1234' });
  await bob.choose('setup/country/1', ['DE']);
  await bob.choose('Residential region', ['EUW']);
  await bob.clickButton('Confirm');

  await bob.autocomplete('setcountry', 'country', 'aust');
  await bob.runCommand('setcountry', { country: 'AT' });
  await bob.clickButton('Confirm');

  await alice.runCommand('profile', { player: bob });
  await alice.runCommand('profile');

  await alice.runCommand('queue');
  await alice.choose('queue/sc2/', ['sc2_zerg']);
  await alice.clickButton('Join');
  await bob.runCommand('queue');
  await bob.choose('queue/bw/', ['bw_protoss']);
  await bob.choose('queue/vetoes/', ['holy_world', 'khione']);
  await bob.clickButton('Join');
  const [aliceDm, bobDm] = await Promise.all([alice.waitForDm(), bob.waitForDm(), ladder.runWave()]);
  await alice.clickButton('Confirm', { messageId: aliceDm.messageId });
  await bob.clickButton('Confirm', { messageId: bobDm.messageId });
  await alice.clickButton('I won', { messageId: aliceDm.messageId });
  await alice.clickButton('Confirm: I won', { messageId: aliceDm.messageId });
  await bob.clickButton('I lost', { messageId: bobDm.messageId });
  await bob.clickButton('Confirm: I lost', { messageId: bobDm.messageId });

  // A rematch both players claim: an admin looks at it and decides.
  await alice.runCommand('queue');
  await alice.clickButton('Join');
  await bob.runCommand('queue');
  await bob.clickButton('Join');
  const [aliceRematch, bobRematch] = await Promise.all([alice.waitForDm(), bob.waitForDm(), ladder.runWave()]);
  await alice.clickButton('Confirm', { messageId: aliceRematch.messageId });
  await bob.clickButton('Confirm', { messageId: bobRematch.messageId });
  await alice.clickButton('I won', { messageId: aliceRematch.messageId });
  await alice.clickButton('Confirm: I won', { messageId: aliceRematch.messageId });
  await bob.clickButton('I won', { messageId: bobRematch.messageId });
  await bob.clickButton('Confirm: I won', { messageId: bobRematch.messageId });
  const rematchId = Number(/#(\d+)/.exec(aliceRematch.text)?.[1]);
  await admin.runCommand('admin match', { id: rematchId });
  await admin.runCommand('admin resolve', { match: rematchId, result: 'player_1', reason: 'Replay sent by Bobby shows his win' });
  await admin.clickButton('Confirm');
  for (const player of [alice, bob]) {
    await player.runCommand('profile');
    await player.runCommand('history');
  }
  await alice.runCommand('leaderboard');
  await alice.clickButton('Best race only: off');
}
