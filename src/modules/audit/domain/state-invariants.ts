import { MatchRecord } from '../../matches/match-record';
import { LadderIndex, LIVE_STATUSES } from './ladder-index';

/**
 * Every player's state agrees with the queue and the matches: queued exactly when they have a queue
 * entry, in a match exactly when a live match holds them (one at most, the one their row names), idle
 * otherwise; a banned player is neither queued nor in a match.
 */
export function stateViolations(ladder: LadderIndex): string[] {
  const violations: string[] = [];
  const { players, matches, queue } = ladder.snapshot;
  const liveOf = new Map<number, MatchRecord[]>();
  for (const match of matches) {
    if (!LIVE_STATUSES.includes(match.status)) continue;
    for (const playerId of [match.player1Id, match.player2Id]) liveOf.set(playerId, [...(liveOf.get(playerId) ?? []), match]);
  }

  for (const player of players) {
    const who = ladder.describe(player);
    const entry = ladder.queueEntry(player.id);
    const live = liveOf.get(player.id) ?? [];
    if (player.activity === 'queued' && !entry) violations.push(`${who} is queued but has no queue entry`);
    if (player.activity !== 'queued' && entry) violations.push(`${who} has a queue entry but is ${player.activity}`);
    if (live.length > 1) violations.push(`${who} is in ${live.length} live matches at once (${live.map((match) => match.id).join(', ')})`);
    if (player.activity === 'in_match') {
      const held = live.find((match) => match.id === player.currentMatchId);
      if (!held) violations.push(`${who} is in match ${player.currentMatchId ?? 'none'}, which is not a live match of theirs`);
    } else {
      if (player.currentMatchId !== null) violations.push(`${who} is ${player.activity} but still names match ${player.currentMatchId}`);
      if (live.length > 0) violations.push(`${who} is ${player.activity} while live match ${live[0].id} holds them`);
    }
    if (player.banned && player.activity !== 'idle') violations.push(`${who} is banned but ${player.activity}`);
  }

  const known = new Set(players.map((player) => player.id));
  for (const entry of queue) {
    if (!known.has(entry.playerId)) violations.push(`queue entry of player ${entry.playerId} belongs to no player`);
  }
  for (const match of matches) {
    for (const playerId of [match.player1Id, match.player2Id]) {
      if (!known.has(playerId)) violations.push(`match ${match.id} names player ${playerId}, who does not exist`);
    }
  }
  return violations;
}
