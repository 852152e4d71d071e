import { NEW_PLAYER, PlayerStatus } from '../player-status/player-status';
import { refusalFor } from './player-refusal';

const ready: PlayerStatus = { banned: false, termsAccepted: true, setupComplete: true, activity: 'idle', activitySince: null, matchId: null };

describe('refusalFor', () => {
  it.each<[string, PlayerStatus, Parameters<typeof refusalFor>[1], string | undefined]>([
    ['a ready player on a queue command', ready, { terms: true, setup: true, idle: true }, undefined],
    ['a banned player, before anything else', { ...NEW_PLAYER, banned: true }, { terms: true, setup: true, idle: true }, 'Account banned'],
    ['a banned player even where terms are not needed', { ...ready, banned: true }, { terms: false }, 'Account banned'],
    ['a new player', NEW_PLAYER, { terms: true }, 'Terms of service'],
    ['a new player on /termsofservice itself', NEW_PLAYER, { terms: false }, undefined],
    ['terms before setup', NEW_PLAYER, { terms: true, setup: true }, 'Terms of service'],
    ['setup before state', { ...ready, setupComplete: false, activity: 'queued' }, { terms: true, setup: true, idle: true }, 'Setup needed'],
    ['setup not needed for /profile', { ...ready, setupComplete: false }, { terms: true }, undefined],
    ['a queued player joining again', { ...ready, activity: 'queued' }, { terms: true, setup: true, idle: true }, 'Already queued'],
    ['a player in a match joining', { ...ready, activity: 'in_match' }, { terms: true, setup: true, idle: true }, 'In a match'],
    ['a player in a match viewing their profile', { ...ready, activity: 'in_match' }, { terms: true }, undefined],
  ])('%s', (_, status, requirements, expected) => {
    expect(refusalFor(status, requirements)?.title).toBe(expected);
  });

  it('tells the player which command to use', () => {
    expect(refusalFor(NEW_PLAYER, { terms: true })?.detail).toMatch(/\/termsofservice/);
    expect(refusalFor({ ...ready, setupComplete: false }, { setup: true })?.detail).toMatch(/\/setup/);
  });

  it('names since when a player is queued, and which match they are in', () => {
    const since = new Date('2026-12-02T10:00:00Z');
    expect(refusalFor({ ...ready, activity: 'queued', activitySince: since }, { idle: true })?.detail).toBe(
      'You joined the queue <t:1796205600:R>. Use /queue to see it or leave it first.',
    );
    expect(refusalFor({ ...ready, activity: 'in_match', activitySince: since, matchId: 42 }, { idle: true })?.detail).toBe(
      'You are in match #42, found <t:1796205600:R>: see your DMs, and finish it first.',
    );
    expect(refusalFor({ ...ready, activity: 'in_match' }, { idle: true })?.detail).toMatch(/^You are in a match, found: see your DMs/);
  });
});
