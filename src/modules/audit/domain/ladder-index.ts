import { MatchRecord, Side } from '../../matches/match-record';
import { PlayerRecord } from '../../players/player-record';
import { QueuedPlayer } from '../../queue/queued-player';
import { AuditRow, LadderSnapshot, LogRow } from './ladder-snapshot';

export const LIVE_STATUSES: ReadonlyArray<MatchRecord['status']> = ['awaiting_confirmation', 'confirmed'];

/** A snapshot's rows looked up the ways the invariants need them. */
export class LadderIndex {
  private readonly playersById = new Map<number, PlayerRecord>();
  private readonly logsByPlayer = new Map<string, LogRow[]>();
  private readonly logsByKey = new Map<string, LogRow>();
  private readonly auditsByKey = new Map<string, AuditRow>();
  private readonly queueByPlayer = new Map<number, QueuedPlayer>();

  constructor(readonly snapshot: LadderSnapshot) {
    snapshot.players.forEach((player) => this.playersById.set(player.id, player));
    snapshot.queue.forEach((entry) => this.queueByPlayer.set(entry.playerId, entry));
    snapshot.audits.forEach((audit) => this.auditsByKey.set(audit.idempotencyKey, audit));
    for (const log of [...snapshot.logs].sort((a, b) => a.id - b.id)) {
      this.logsByKey.set(log.idempotencyKey, log);
      const own = this.logsByPlayer.get(log.discordId) ?? [];
      own.push(log);
      this.logsByPlayer.set(log.discordId, own);
    }
  }

  player(playerId: number): PlayerRecord | undefined {
    return this.playersById.get(playerId);
  }

  queueEntry(playerId: number): QueuedPlayer | undefined {
    return this.queueByPlayer.get(playerId);
  }

  /** A player's log rows, oldest first, of the given actions (all when none is given). */
  logsOf(discordId: string, ...actions: string[]): LogRow[] {
    const own = this.logsByPlayer.get(discordId) ?? [];
    return actions.length === 0 ? own : own.filter((log) => actions.includes(log.action));
  }

  log(idempotencyKey: string): LogRow | undefined {
    return this.logsByKey.get(idempotencyKey);
  }

  /** The admin action a log row written by an admin belongs to: its key is the action's, plus the player (and `:rating`). */
  auditOf(log: LogRow): AuditRow | undefined {
    const parts = log.idempotencyKey.split(':');
    for (const drop of [1, 2]) {
      const audit = this.auditsByKey.get(parts.slice(0, -drop).join(':'));
      if (audit) return audit;
    }
    return undefined;
  }

  /** The Discord id of a match's side, as the players' rows say. */
  sideDiscordId(match: MatchRecord, side: Side): string | undefined {
    return this.player(side === 1 ? match.player1Id : match.player2Id)?.discordId;
  }

  /** Who a player is, for a message: the Discord id and the ladder name. */
  describe(player: PlayerRecord | undefined, fallback: string | number = '?'): string {
    if (!player) return `player ${fallback}`;
    return `${player.playerName ?? player.discordUsername} (${player.discordId})`;
  }
}

/** A rating as a log row writes it; an admin setting a race that had none starts from the initial rating. */
export function ratingValue(value: string | null, initialRating: number): number {
  return value === null || value === 'none' ? initialRating : Number(value);
}

export const SIDES: readonly Side[] = [1, 2];
