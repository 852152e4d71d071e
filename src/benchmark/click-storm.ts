import { DataSource } from 'typeorm';
import { DiscordDriver, InteractionOutcome } from '../emulator/driver';
import { DriverUser } from '../emulator/driver-user';
import { waitUntil } from '../emulator/wait-until';
import { letters, setUp } from './bench-players';
import { percentile } from './step-report';

/** One storm: many people each clicking one button many times at once. */
export interface StormFigures {
  button: string;
  players: number;
  clicks_sent: number;
  effects_written: number;
  duplicate_effects: number;
  repeats_recognised: number;
  ack_p99_ms: number;
}

export interface StormContext {
  driver: DiscordDriver;
  database: DataSource;
  /** Interactions the bot answered as a repeat of one already in progress or done. */
  duplicates(): number;
  /** Whether the bot finished handling an interaction. */
  finished(interactionId: string): boolean;
}

/**
 * Double-click storms: `players` people each click Accept on the terms, then Join on /queue,
 * `clicks` times at once. Every effect is a log row keyed by the click's intent, so counting the rows
 * says how many effects were written; any above one per person is a duplicate.
 */
export async function clickStorms(context: StormContext, players: number, clicks: number, tag: string): Promise<StormFigures[]> {
  const people = Array.from({ length: players }, (_, index) => context.driver.createUser(`storm${tag}${index}`));
  for (const person of people) await person.runCommand('termsofservice');
  const terms = await storm(context, 'terms Accept', people, clicks, 'terms_accepted', (person) => person.clickButton('Accept'));
  for (const [index, person] of people.entries()) {
    await setUp(person, `Storm${tag}${letters(index)}`);
    await person.clickButton('Confirm');
    await person.runCommand('queue');
    await person.choose('queue/sc2/', ['sc2_protoss']);
  }
  const join = await storm(context, 'queue Join', people, clicks, 'queue_joined', (person) => person.clickButton('Join'));
  return [terms, join];
}

async function storm(
  context: StormContext,
  button: string,
  people: DriverUser[],
  clicks: number,
  action: string,
  click: (person: DriverUser) => Promise<InteractionOutcome>,
): Promise<StormFigures> {
  const ids = people.map((person) => person.id);
  const effects = async () => Number((await context.database.query(`SELECT count(*) AS n FROM player_action_logs WHERE action = '${action}' AND discord_id IN (${ids.map((id) => `'${id}'`).join(', ')})`))[0].n);
  const before = await effects();
  const repeats = context.duplicates();
  const outcomes = await Promise.all(people.flatMap((person) => Array.from({ length: clicks }, () => click(person))));
  await waitUntil(`every ${button} click to be handled`, () => outcomes.every((outcome) => context.finished(outcome.interactionId)), 60_000);
  const written = (await effects()) - before;
  const acks = outcomes.flatMap((outcome) => (outcome.ackMs === undefined ? [] : [outcome.ackMs]));
  return {
    button,
    players: people.length,
    clicks_sent: outcomes.length,
    effects_written: written,
    duplicate_effects: Math.max(0, written - people.length),
    repeats_recognised: context.duplicates() - repeats,
    ack_p99_ms: percentile(acks, 99),
  };
}
