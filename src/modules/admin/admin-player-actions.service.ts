import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { listFingerprint } from '../../common/routing/list-fingerprint';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { RankedRatings } from '../leaderboard/ranked-ratings';
import { ActionLogEntry } from '../logging/significant-actions';
import { MatchNotices } from '../matches/match-notices';
import { OpenMatches } from '../matches/open-matches';
import { abortsLeft } from '../players/domain/aborts';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerRecord } from '../players/player-record';
import { PlayerIdentity } from '../players/players.repository';
import { ProfileViews } from '../players/profile-views';
import { QueueRoster } from '../queue/queue-roster';
import { SearchingMessages } from '../queue/searching-messages';
import { StaticDataService } from '../static-data/static-data.service';
import { validateReason } from './domain/reason';
import { stuckState } from './domain/stuck';
import { renderAdminNotice } from './admin.render';
import { ADMIN_CLEAR_QUEUE, ADMIN_PLAYER_ACTION } from './admin.routes';
import { AdminNotices } from './admin-notices';
import { AdminPlayersRepository, PlayerActionWrite, PlayerEffect } from './admin-players.repository';
import { AdminOutcome, AdminPreview } from './admin-view';
import { RATING_RANGE } from './domain/rating-range';

export type PlayerActionKind = PlayerEffect['kind'];

/** What the audit trail calls each action. */
const AUDIT_ACTION: Record<PlayerActionKind, string> = {
  rating: 'adjust_rating',
  aborts: 'reset_aborts',
  unqueue: 'remove_from_queue',
  free: 'free_player',
  ban: 'ban',
  unban: 'unban',
};

/** A planned action: what it does, and how the preview and the audit trail describe it. */
interface Plan {
  effect: PlayerEffect;
  title: string;
  lines: string[];
  oldValue: string;
  newValue: string;
  /** Told to the player by DM. */
  notice: string;
}

/**
 * The admin's actions on players (LADDER.md, Admin; Ban), each as the resolution's pattern: a reason,
 * a preview decided from memory, then one statement with the audit row and the log rows, a
 * compare-and-set on the player's row as the preview saw it; the player told by DM (the admin channel
 * when a DM fails) and the admin channel given a line.
 */
@Injectable()
export class AdminPlayerActions {
  constructor(
    private readonly repository: AdminPlayersRepository,
    private readonly directory: PlayerDirectory,
    private readonly roster: QueueRoster,
    private readonly searching: SearchingMessages,
    private readonly open: OpenMatches,
    private readonly ranks: RankedRatings,
    private readonly profiles: ProfileViews,
    private readonly notices: MatchNotices,
    private readonly adminNotices: AdminNotices,
    private readonly staticData: StaticDataService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async preview(kind: PlayerActionKind, discordId: string, typedReason: string, rating?: { race: string; value: number }): Promise<AdminPreview> {
    const reason = reasonOf(typedReason);
    const player = this.playerOf(discordId);
    const previous = kind === 'rating' ? await this.repository.rating(player.id, this.checkedRating(rating).race) : null;
    const plan = this.plan(kind, player, rating && { ...rating, previous });
    const arg = plan.effect.kind === 'rating' ? `${plan.effect.race}.${plan.effect.value}.${plan.effect.previous ?? 'none'}` : '-';
    return { title: plan.title, lines: plan.lines, reason, confirm: ADMIN_PLAYER_ACTION.build({ action: kind, discordId, version: String(player.version), arg }) };
  }

  async confirm(admin: PlayerIdentity, kind: PlayerActionKind, discordId: string, version: number, arg: string, typedReason: string, intentKey: string): Promise<AdminOutcome> {
    const reason = reasonOf(typedReason);
    const player = this.playerOf(discordId);
    const name = nameOf(player);
    if (player.version !== version) return { kind: 'stale', title: `${name} changed since this preview`, lines: ['Nothing was applied: run the command again to see where they stand now.'] };
    const plan = this.plan(kind, player, kind === 'rating' ? ratingArg(arg) : undefined);
    const at = this.clock.now();
    const audit = { idempotencyKey: intentKey, adminDiscordId: admin.discordId, action: AUDIT_ACTION[kind], targetDiscordId: discordId, oldValue: plan.oldValue, newValue: plan.newValue, reason, at };
    const write = await this.repository.act(player, plan.effect, audit, this.logs(player, plan, admin, intentKey, at));
    if (write.status !== 'applied') {
      write.players.forEach((row) => this.directory.confirm(row));
      return write.status === 'repeat'
        ? { kind: 'repeat', title: `Already applied by this Confirm`, lines: [] }
        : { kind: 'stale', title: `${name} changed since this preview`, lines: ['Nothing was applied: run the command again to see where they stand now.'] };
    }
    await this.remember(player, plan.effect, write);
    await this.tell(player, plan, reason, admin, write);
    return { kind: 'applied', title: `${plan.title.replace(/\?$/, '')}: done`, lines: plan.lines };
  }

  async previewClearQueue(typedReason: string): Promise<AdminPreview> {
    const reason = reasonOf(typedReason);
    const players = this.queued();
    if (players.length === 0) throw new InteractionRefusal('Queue empty', 'Nobody is in the queue.');
    return {
      title: `Clear the queue: ${players.length} player${players.length === 1 ? '' : 's'}?`,
      lines: [players.map(nameOf).join(', '), 'Each is told by DM.'],
      reason,
      confirm: ADMIN_CLEAR_QUEUE.build({ count: String(players.length), players: fingerprintOf(players) }),
    };
  }

  async clearQueue(admin: PlayerIdentity, count: number, fingerprint: string, typedReason: string, intentKey: string): Promise<AdminOutcome> {
    const reason = reasonOf(typedReason);
    const players = this.queued();
    const changed: AdminOutcome = { kind: 'stale', title: 'The queue changed since this preview', lines: ['Nothing was applied: run /admin clear-queue again.'] };
    if (players.length !== count || fingerprintOf(players) !== fingerprint) return changed;
    const at = this.clock.now();
    const changedBy = `admin:${admin.discordId}`;
    const logs = players.map((player) => ({
      idempotencyKey: `${intentKey}:${player.discordId}`,
      discordId: player.discordId,
      action: 'admin_action' as const,
      settingName: 'queue',
      oldValue: 'queued',
      newValue: 'idle',
      changedBy,
      at,
    }));
    const audit = { idempotencyKey: intentKey, adminDiscordId: admin.discordId, action: 'clear_queue', oldValue: `${count} queued`, newValue: '0 queued', reason, at };
    const write = await this.repository.clearQueue(players, audit, logs);
    if (write.status === 'repeat') return { kind: 'repeat', title: 'Already applied by this Confirm', lines: [] };
    if (write.status === 'stale') return changed;
    for (const player of write.players) {
      this.directory.confirm(player);
      this.roster.remove(player.discordId);
      this.searching.forget(player.discordId);
      await this.adminNotices.deliver(player.discordId, renderAdminNotice('An admin cleared the queue', ['You are no longer queued: /queue again when you like.'], reason), 'an admin action');
    }
    await this.adminNotices.post(renderAdminNotice(`Queue cleared by ${admin.username}`, [`${write.players.length} players taken out: ${write.players.map(nameOf).join(', ')}`], reason));
    return { kind: 'applied', title: `Queue cleared: ${write.players.length} players`, lines: ['Each was told by DM.'] };
  }

  /** What the action does to this player as memory holds them; an action that would change nothing is refused. */
  private plan(kind: PlayerActionKind, player: PlayerRecord, rating?: { race: string; value: number; previous: number | null }): Plan {
    const name = nameOf(player);
    const now = this.clock.now();
    switch (kind) {
      case 'rating': {
        const { race, value, previous } = { ...this.checkedRating(rating), previous: rating!.previous };
        const raceName = this.staticData.catalog.race(race)?.name ?? race;
        if (previous === value) throw new InteractionRefusal('Rating', `${name}'s ${raceName} rating is already ${value}.`);
        return {
          effect: { kind, race, value, previous },
          title: `Set ${name}'s ${raceName} rating to ${value}?`,
          lines: [`Now: ${previous ?? `none (starts at ${this.config.ladder.initialRating})`}. Games played stay as they are.`],
          oldValue: previous === null ? 'none' : String(previous),
          newValue: String(value),
          notice: `Your ${raceName} rating was set to ${value} (was ${previous ?? 'unset'}).`,
        };
      }
      case 'aborts': {
        const left = abortsLeft(player, this.config.ladder.abortsPerMonth, now);
        if (left === this.config.ladder.abortsPerMonth) throw new InteractionRefusal('Aborts', `${name} has all ${left} aborts left this month.`);
        return {
          effect: { kind },
          title: `Give ${name} all their aborts back?`,
          lines: [`Now: ${left} of ${this.config.ladder.abortsPerMonth} left this month.`],
          oldValue: `${left} left`,
          newValue: `${this.config.ladder.abortsPerMonth} left`,
          notice: `Your aborts for this month were reset: ${this.config.ladder.abortsPerMonth} left.`,
        };
      }
      case 'unqueue':
        if (player.activity !== 'queued' || !this.roster.get(player.discordId)) throw new InteractionRefusal('Not queued', `${name} is not in the queue.`);
        return { effect: { kind }, title: `Take ${name} out of the queue?`, lines: [], oldValue: 'queued', newValue: 'idle', notice: 'An admin took you out of the queue.' };
      case 'free': {
        const match = player.currentMatchId === null ? undefined : this.open.latest(player.currentMatchId);
        const stuck = stuckState(player.activity, this.roster.get(player.discordId) !== undefined, match);
        if (!stuck) throw new InteractionRefusal('Not stuck', `${name} is ${player.activity.replace('_', ' ')}${player.activity === 'idle' ? '' : ', and their queue entry or match backs it'}: nothing to free.`);
        return {
          effect: { kind, stuck },
          title: `Free ${name}?`,
          lines: [stuck === 'queued' ? 'Their state says queued, but they have no queue entry.' : `Their state says in match #${player.currentMatchId}, which is not live.`],
          oldValue: stuck,
          newValue: 'idle',
          notice: 'An admin freed you: you can /queue again.',
        };
      }
      case 'ban': {
        if (player.banned) throw new InteractionRefusal('Already banned', `${name} is already banned.`);
        const match = player.activity === 'in_match' && player.currentMatchId !== null ? this.open.get(player.currentMatchId) : undefined;
        const live = match && (match.status === 'awaiting_confirmation' || match.status === 'confirmed') ? match : undefined;
        const opponentId = live ? (live.player1Id === player.id ? live.player2Id : live.player1Id) : 0;
        return {
          effect: { kind, queued: player.activity === 'queued', match: live && { id: live.id, opponentId, freesOpponent: true } },
          title: `Ban ${name}?`,
          lines: [
            'Every command refuses them at once.',
            player.activity === 'queued' ? 'They leave the queue.' : undefined,
            live ? `Match #${live.id} is cancelled without rating change; ${nameOf(this.directory.byId(opponentId))} is freed and told.` : undefined,
          ].filter((line): line is string => Boolean(line)),
          oldValue: 'not banned',
          newValue: 'banned',
          notice: 'An admin banned your ladder account: the ladder commands refuse you until an admin lifts it.',
        };
      }
      case 'unban':
        if (!player.banned) throw new InteractionRefusal('Not banned', `${name} is not banned.`);
        return { effect: { kind }, title: `Lift ${name}'s ban?`, lines: [], oldValue: 'banned', newValue: 'not banned', notice: 'An admin lifted your ban: welcome back.' };
    }
  }

  /** The target's log row, and the opponent's when a ban cancels their match: by the admin. */
  private logs(player: PlayerRecord, plan: Plan, admin: PlayerIdentity, intentKey: string, at: Date): ActionLogEntry[] {
    const changedBy = `admin:${admin.discordId}`;
    const { effect } = plan;
    const own: ActionLogEntry =
      effect.kind === 'rating'
        ? { idempotencyKey: `${intentKey}:${player.discordId}`, discordId: player.discordId, action: 'rating_changed', settingName: effect.race, oldValue: plan.oldValue, newValue: plan.newValue, changedBy, at }
        : { idempotencyKey: `${intentKey}:${player.discordId}`, discordId: player.discordId, action: 'admin_action', settingName: AUDIT_ACTION[effect.kind], oldValue: plan.oldValue, newValue: plan.newValue, changedBy, at };
    if (effect.kind !== 'ban' || !effect.match) return [own];
    const opponent = this.directory.byId(effect.match.opponentId);
    if (!opponent) return [own];
    return [
      own,
      { idempotencyKey: `${intentKey}:${opponent.discordId}`, discordId: opponent.discordId, action: 'admin_action', settingName: `match:${effect.match.id}`, oldValue: 'live', newValue: 'cancelled', changedBy, at },
    ];
  }

  /** Memory follows the write: the players, the queue, the match, the ranked pool and the profile. */
  private async remember(player: PlayerRecord, effect: PlayerEffect, write: PlayerActionWrite): Promise<void> {
    write.players.forEach((row) => this.directory.confirm(row));
    if (effect.kind === 'unqueue' || (effect.kind === 'ban' && effect.queued)) {
      this.roster.remove(player.discordId);
      this.searching.forget(player.discordId);
    }
    if (write.rating) this.ranks.written(write.rating);
    if (write.match) {
      this.open.put(write.match);
      await this.notices.refresh(write.match, [1, 2]);
    }
    await this.profiles.forget(player.discordId);
  }

  private async tell(player: PlayerRecord, plan: Plan, reason: string, admin: PlayerIdentity, write: PlayerActionWrite): Promise<void> {
    await this.adminNotices.deliver(player.discordId, renderAdminNotice(plan.notice, [], reason), 'an admin action');
    const opponent = write.players.find((row) => row.id !== player.id);
    if (opponent && write.match) {
      await this.adminNotices.deliver(opponent.discordId, renderAdminNotice(`Match #${write.match.id} cancelled by an admin`, ['Your opponent was banned. Ratings do not move; you can /queue again.'], reason), 'an admin action');
    }
    await this.adminNotices.post(renderAdminNotice(`${admin.username}: ${plan.title.replace(/\?$/, '')}`, plan.lines, reason));
  }

  private playerOf(discordId: string): PlayerRecord {
    const player = this.directory.get(discordId);
    if (!player) throw new InteractionRefusal('No such player', 'That person has no ladder record yet.');
    return player;
  }

  private checkedRating(rating: { race: string; value: number } | undefined): { race: string; value: number } {
    if (!rating || !this.staticData.catalog.race(rating.race)) throw new InteractionRefusal('Race', 'Race must be one of the ladder\'s six races.');
    if (!Number.isInteger(rating.value) || rating.value < RATING_RANGE.min || rating.value > RATING_RANGE.max) {
      throw new InteractionRefusal('Rating', `Rating must be a whole number from ${RATING_RANGE.min} to ${RATING_RANGE.max}.`);
    }
    return rating;
  }

  private queued(): PlayerRecord[] {
    return this.roster
      .all()
      .map((entry) => this.directory.get(entry.discordId))
      .filter((player): player is PlayerRecord => player !== undefined)
      .sort((a, b) => a.id - b.id);
  }
}

function reasonOf(typed: string): string {
  const reason = validateReason(typed);
  if (!reason.ok) throw new InteractionRefusal('Reason', reason.error);
  return reason.reason;
}

function ratingArg(arg: string): { race: string; value: number; previous: number | null } {
  const [race, value, previous] = arg.split('.');
  return { race, value: Number(value), previous: previous === 'none' ? null : Number(previous) };
}

function nameOf(player: PlayerRecord | undefined): string {
  return player?.playerName ?? player?.discordUsername ?? 'a former player';
}

function fingerprintOf(players: readonly PlayerRecord[]): string {
  return listFingerprint(players.map((player) => player.discordId));
}
