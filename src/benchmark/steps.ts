import { DiscordDriver, InteractionOutcome } from '../emulator/driver';

export interface BenchmarkStep {
  name: string;
  run(): Promise<InteractionOutcome>;
}

/** Autocomplete answers with choices; its timing is the driver's latest. */
async function typed(driver: DiscordDriver, type: () => Promise<unknown>): Promise<InteractionOutcome> {
  await type();
  const timing = driver.timings().at(-1)!;
  return { interactionId: timing.interactionId, acknowledged: timing.ackMs !== undefined, ackMs: timing.ackMs, lastChangeMs: timing.ackMs, failed: false, timedOut: false };
}

/** The commands measured, in the order a new player meets them. */
export function benchmarkSteps(driver: DiscordDriver): BenchmarkStep[] {
  const ann = driver.createUser('ann');
  const ben = driver.createUser('ben');
  return [
    { name: 'guard: new person runs /profile', run: () => ann.runCommand('profile') },
    { name: '/help', run: () => ann.runCommand('help') },
    { name: '/termsofservice', run: () => ann.runCommand('termsofservice') },
    { name: 'Accept (creates the player)', run: () => ann.clickButton('Accept') },
    { name: '/setup (opens the form)', run: () => ann.runCommand('setup') },
    { name: 'setup form submitted', run: () => ann.fillModal({ 'User ID': 'Ann', BattleTag: 'Ann#1234', 'Alt ID 1': '애니야' }) },
    { name: 'country chosen', run: () => ann.choose('setup/country/2', ['KR']) },
    { name: 'region chosen', run: () => ann.choose('Residential region', ['KRJ']) },
    { name: 'setup Confirm', run: () => ann.clickButton('Confirm') },
    { name: '/setcountry autocomplete', run: () => typed(driver, () => ann.autocomplete('setcountry', 'country', 'jap')) },
    { name: '/setcountry country:JP', run: () => ann.runCommand('setcountry', { country: 'JP' }) },
    { name: 'setcountry Confirm', run: () => ann.clickButton('Confirm') },
    { name: '/profile (cold)', run: () => ann.runCommand('profile') },
    { name: '/profile (warm)', run: () => ann.runCommand('profile') },
    { name: 'second player accepts', run: async () => (await ben.runCommand('termsofservice'), ben.clickButton('Accept')) },
    { name: "/profile of ann by ben (ann cached)", run: () => ben.runCommand('profile', { player: ann }) },
  ];
}
