import { PlayerRequirements } from '../player-status/player-requirements';
import { PlayerStatus } from '../player-status/player-status';

export interface Refusal {
  title: string;
  detail: string;
  /** The terms are what is missing: show them with Accept rather than only naming the command. */
  showTerms?: true;
}

/** The first requirement a player fails, in LADDER.md's order: banned, terms, setup, state. */
export function refusalFor(status: PlayerStatus, requirements: PlayerRequirements): Refusal | undefined {
  if (status.banned) return { title: 'Account banned', detail: 'Your ladder account is banned. Ask an admin if you think this is a mistake.' };
  if (requirements.terms !== false && !status.termsAccepted) {
    return { title: 'Terms of service', detail: 'Use /termsofservice to read and accept the terms first.', showTerms: true };
  }
  if (requirements.setup && !status.setupComplete) return { title: 'Setup needed', detail: 'Use /setup to create your ladder profile first.' };
  if (requirements.idle && status.activity === 'queued') {
    return { title: 'Already queued', detail: `You joined the queue${since(status)}. Use /queue to see it or leave it first.` };
  }
  if (requirements.idle && status.activity === 'in_match') {
    const match = status.matchId === null ? 'a match' : `match #${status.matchId}`;
    return { title: 'In a match', detail: `You are in ${match}, found${since(status)}: see your DMs, and finish it first.` };
  }
  return undefined;
}

function since(status: PlayerStatus): string {
  return status.activitySince ? ` <t:${Math.floor(status.activitySince.getTime() / 1000)}:R>` : '';
}
