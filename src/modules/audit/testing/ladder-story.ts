import { MatchRecord, Side } from '../../matches/match-record';
import { PlayerRecord } from '../../players/player-record';
import { RatingRow } from '../../players/rating-row';
import { BwRace, Sc2Race } from '../../matches/domain/queue-entry';
import { Report } from '../../matches/domain/reports';
import { QueuedPlayer } from '../../queue/queued-player';
import { AuditRow, LadderMemory, LadderSnapshot, LogRow } from '../domain/ladder-snapshot';

/**
 * A ladder written row by row as the bot writes it, for the invariants' tests: each step leaves the
 * rows and log rows the real write leaves, so a finished story is whole and a test can then break it.
 */
export class LadderStory {
  readonly players: PlayerRecord[] = [];
  readonly ratings: RatingRow[] = [];
  readonly matches: MatchRecord[] = [];
  readonly queue: QueuedPlayer[] = [];
  readonly logs: LogRow[] = [];
  readonly audits: AuditRow[] = [];
  private time: number;
  private ids = 0;

  constructor(
    readonly initialRating = 1500,
    start = new Date('2026-12-02T10:00:00.000Z'),
  ) {
    this.time = start.getTime();
  }

  now(): Date {
    this.time += 1000;
    return new Date(this.time);
  }

  player(name: string): PlayerRecord {
    const at = this.now();
    const id = this.players.length + 1;
    const player: PlayerRecord = {
      id,
      discordId: String(100_000_000_000_000_000n + BigInt(id)),
      discordUsername: name.toLowerCase(),
      playerName: name,
      battletag: `${name}#1234`,
      altPlayerName1: null,
      altPlayerName2: null,
      country: 'DE',
      region: 'EUW',
      termsAccepted: true,
      termsVersion: '1',
      termsAcceptedAt: at,
      setupCompletedAt: at,
      banned: false,
      abortsMonth: null,
      abortsUsed: 0,
      rev: 2,
      activity: 'idle',
      activityAt: null,
      currentMatchId: null,
      version: 2,
      createdAt: at,
      updatedAt: at,
    };
    this.players.push(player);
    this.log(player, 'terms_accepted', 'terms_version', null, '1', at);
    this.log(player, 'setup_completed', null, null, name, at);
    for (const [setting, value] of [['player_name', name], ['battletag', `${name}#1234`], ['country', 'DE'], ['region', 'EUW']] as const) {
      this.log(player, 'setup_field_changed', setting, null, value, at);
    }
    return player;
  }

  changeCountry(player: PlayerRecord, country: string): void {
    this.log(player, 'country_changed', 'country', player.country, country, this.now());
    player.country = country;
  }

  join(player: PlayerRecord, races: { bw?: BwRace; sc2?: Sc2Race }): void {
    const at = this.now();
    const rating = (race: string) => this.rating(player, race)?.mmr ?? this.initialRating;
    this.queue.push({
      discordId: player.discordId,
      playerId: player.id,
      ...(races.bw && { bw: { race: races.bw, rating: rating(races.bw) } }),
      ...(races.sc2 && { sc2: { race: races.sc2, rating: rating(races.sc2) } }),
      vetoes: [],
      joinedAt: at,
    });
    Object.assign(player, { activity: 'queued', activityAt: at });
    this.log(player, 'queue_joined', 'races', null, JSON.stringify(races), at);
  }

  /** A wave's match of two queued players: `bw` plays Brood War, `sc2` StarCraft II. */
  match(bw: PlayerRecord, sc2: PlayerRecord): MatchRecord {
    const at = this.now();
    const [bwEntry, sc2Entry] = [bw, sc2].map((player) => this.queue.find((entry) => entry.playerId === player.id)!);
    this.queue.splice(0, this.queue.length, ...this.queue.filter((entry) => entry !== bwEntry && entry !== sc2Entry));
    const match: MatchRecord = {
      id: this.matches.length + 1,
      player1Id: bw.id,
      player2Id: sc2.id,
      player1Race: bwEntry.bw!.race,
      player2Race: sc2Entry.sc2!.race,
      player1Rating: bwEntry.bw!.rating,
      player2Rating: sc2Entry.sc2!.rating,
      mapCode: 'fighting_spirit',
      serverCode: 'EU',
      status: 'awaiting_confirmation',
      player1ConfirmedAt: null,
      player2ConfirmedAt: null,
      abortedByPlayerId: null,
      confirmDeadline: new Date(at.getTime() + 180_000),
      reminderAt: null,
      remindedAt: null,
      reportDeadline: null,
      player1Report: null,
      player2Report: null,
      player1ReportRev: 0,
      player2ReportRev: 0,
      player1ReportedAt: null,
      player2ReportedAt: null,
      reportReminderAt: null,
      reportRemindedAt: null,
      result: null,
      player1RatingChange: 0,
      player2RatingChange: 0,
      completedAt: null,
      resolvedBy: null,
      player1DmMessageId: null,
      player2DmMessageId: null,
      createdAt: at,
      updatedAt: at,
    };
    this.matches.push(match);
    for (const player of [bw, sc2]) Object.assign(player, { activity: 'in_match', activityAt: at, currentMatchId: match.id });
    return match;
  }

  confirm(match: MatchRecord, side: Side): void {
    const at = this.now();
    if (side === 1) match.player1ConfirmedAt = at;
    else match.player2ConfirmedAt = at;
    if (match.player1ConfirmedAt && match.player2ConfirmedAt) match.status = 'confirmed';
    this.log(this.side(match, side), 'match_confirmed', 'match', null, String(match.id), at);
  }

  /** A report; when the two agree the match completes, `change` moving player 1 (player 2 the opposite way). */
  report(match: MatchRecord, side: Side, report: Report, change = 16): void {
    const at = this.now();
    if (side === 1) Object.assign(match, { player1Report: report, player1ReportRev: match.player1ReportRev + 1, player1ReportedAt: at });
    else Object.assign(match, { player2Report: report, player2ReportRev: match.player2ReportRev + 1, player2ReportedAt: at });
    this.log(this.side(match, side), 'match_reported', `match ${match.id}`, null, report, at);
    const pair = `${match.player1Report}/${match.player2Report}`;
    const result = pair === 'won/lost' ? 'player_1' : pair === 'lost/won' ? 'player_2' : pair === 'draw/draw' ? 'draw' : undefined;
    if (result) this.complete(match, result, result === 'draw' ? 0 : result === 'player_1' ? change : -change, at);
    else if (match.player1Report && match.player2Report) {
      match.status = 'conflict';
      this.free(match);
    }
  }

  abort(match: MatchRecord, side: Side): void {
    const at = this.now();
    const aborter = this.side(match, side);
    const month = at.toISOString().slice(0, 7);
    Object.assign(aborter, { abortsUsed: aborter.abortsMonth === month ? aborter.abortsUsed + 1 : 1, abortsMonth: month });
    Object.assign(match, { status: 'aborted', abortedByPlayerId: aborter.id, updatedAt: at });
    this.free(match);
    this.log(aborter, 'match_aborted', 'match', null, String(match.id), at);
  }

  timeOut(match: MatchRecord): void {
    const at = this.now();
    Object.assign(match, { status: 'timed_out', updatedAt: at });
    this.free(match);
    for (const side of [1, 2] as const) this.log(this.side(match, side), 'match_timed_out', 'match', null, String(match.id), at, 'system', `timeout:${match.id}:${this.side(match, side).discordId}`);
  }

  /** The report deadline with no report: cancelled. */
  cancelAtDeadline(match: MatchRecord): void {
    const at = this.now();
    Object.assign(match, { status: 'cancelled', updatedAt: at });
    this.free(match);
    for (const side of [1, 2] as const) this.log(this.side(match, side), 'match_cancelled', 'match', null, String(match.id), at, 'system', `cancel:${match.id}:${this.side(match, side).discordId}`);
  }

  /** An admin's resolution: the target change for player 1 (player 2 the opposite), applied as the difference. */
  resolve(admin: PlayerRecord, match: MatchRecord, result: MatchRecord['result'], change: number): void {
    const at = this.now();
    const key = this.audit(admin, 'resolve_match', null, match.id, at);
    const counted = match.status === 'completed';
    if (counted) this.count(match, -1);
    const targets = { 1: change, 2: -change } as const;
    for (const side of [1, 2] as const) {
      const player = this.side(match, side);
      this.log(player, 'admin_action', `match:${match.id}`, match.status, result ?? 'cancelled', at, `admin:${admin.discordId}`, `${key}:${player.discordId}`);
      const applied = side === 1 ? match.player1RatingChange : match.player2RatingChange;
      const delta = targets[side] - applied;
      if (delta !== 0) {
        const rating = this.ratingFor(player, side === 1 ? match.player1Race : match.player2Race);
        this.log(player, 'rating_changed', rating.race, String(rating.mmr), String(rating.mmr + delta), at, `admin:${admin.discordId}`, `${key}:${player.discordId}:rating`);
        rating.mmr += delta;
      }
    }
    const wasLive = match.status === 'awaiting_confirmation' || match.status === 'confirmed';
    Object.assign(match, { status: result ? 'completed' : 'cancelled', result, player1RatingChange: targets[1], player2RatingChange: targets[2], resolvedBy: admin.discordId, updatedAt: at });
    if (result) this.count(match, 1);
    if (wasLive) this.free(match);
  }

  adjustRating(admin: PlayerRecord, player: PlayerRecord, race: string, value: number): void {
    const at = this.now();
    const key = this.audit(admin, 'adjust_rating', player.discordId, null, at);
    const known = this.rating(player, race);
    this.log(player, 'rating_changed', race, known ? String(known.mmr) : 'none', String(value), at, `admin:${admin.discordId}`, `${key}:${player.discordId}`);
    this.ratingFor(player, race).mmr = value;
  }

  resetAborts(admin: PlayerRecord, player: PlayerRecord): void {
    this.playerAction(admin, player, 'reset_aborts', () => (player.abortsUsed = 0));
  }

  ban(admin: PlayerRecord, player: PlayerRecord): void {
    this.playerAction(admin, player, 'ban', () => (player.banned = true));
  }

  unban(admin: PlayerRecord, player: PlayerRecord): void {
    this.playerAction(admin, player, 'unban', () => (player.banned = false));
  }

  clearQueue(admin: PlayerRecord): void {
    const at = this.now();
    const cleared = this.queue.map((entry) => this.players.find((player) => player.id === entry.playerId)!);
    const key = this.audit(admin, 'clear_queue', null, null, at, `${cleared.length} queued`);
    for (const player of cleared) {
      Object.assign(player, { activity: 'idle', activityAt: null });
      this.log(player, 'admin_action', 'queue', 'queued', 'idle', at, `admin:${admin.discordId}`, `${key}:${player.discordId}`);
    }
    this.queue.splice(0);
  }

  snapshot(): LadderSnapshot {
    return structuredClone({ players: this.players, ratings: this.ratings, matches: this.matches, queue: this.queue, logs: this.logs, audits: this.audits });
  }

  /** Memory as the bot would hold it after this story: the same rows. */
  memory(): LadderMemory {
    const snapshot = this.snapshot();
    const rankedSince = new Date(this.time - 14 * 86_400_000);
    return {
      players: snapshot.players,
      rereading: [],
      queue: snapshot.queue,
      openMatches: snapshot.matches.filter((match) => match.status === 'awaiting_confirmation' || match.status === 'confirmed'),
      keptRatings: snapshot.players.map((player) => ({
        discordId: player.discordId,
        ratings: snapshot.ratings.filter((rating) => rating.playerId === player.id).map(({ race, mmr, gamesPlayed, gamesWon, gamesLost, gamesDrawn, lastPlayedAt }) => ({ race, mmr, gamesPlayed, gamesWon, gamesLost, gamesDrawn, lastPlayedAt })),
      })),
      rankedPool: snapshot.ratings
        .filter((rating) => rating.gamesPlayed > 0 && rating.lastPlayedAt !== null && rating.lastPlayedAt >= rankedSince)
        .map((rating) => ({ id: rating.id, playerId: rating.playerId, race: rating.race, rating: rating.mmr, gamesPlayed: rating.gamesPlayed, wins: rating.gamesWon, losses: rating.gamesLost, lastPlayedAt: rating.lastPlayedAt })),
      rankedSince,
    };
  }

  rating(player: PlayerRecord, race: string): RatingRow | undefined {
    return this.ratings.find((rating) => rating.playerId === player.id && rating.race === race);
  }

  side(match: MatchRecord, side: Side): PlayerRecord {
    return this.players.find((player) => player.id === (side === 1 ? match.player1Id : match.player2Id))!;
  }

  private complete(match: MatchRecord, result: NonNullable<MatchRecord['result']>, change: number, at: Date): void {
    Object.assign(match, { status: 'completed', result, player1RatingChange: change, player2RatingChange: -change, completedAt: at, updatedAt: at });
    for (const side of [1, 2] as const) {
      const player = this.side(match, side);
      const race = side === 1 ? match.player1Race : match.player2Race;
      const atCreation = side === 1 ? match.player1Rating : match.player2Rating;
      const moved = side === 1 ? change : -change;
      this.log(player, 'rating_changed', race, String(atCreation), String(atCreation + moved), at, 'system', `complete:${match.id}:${player.discordId}`);
      this.ratingFor(player, race).mmr += moved;
    }
    this.count(match, 1);
    this.free(match);
  }

  private count(match: MatchRecord, by: 1 | -1): void {
    for (const side of [1, 2] as const) {
      const rating = this.ratingFor(this.side(match, side), side === 1 ? match.player1Race : match.player2Race);
      const outcome = match.result === 'draw' ? 'gamesDrawn' : (match.result === 'player_1') === (side === 1) ? 'gamesWon' : 'gamesLost';
      rating.gamesPlayed += by;
      rating[outcome] += by;
      if (by === 1) rating.lastPlayedAt = match.updatedAt;
    }
  }

  private ratingFor(player: PlayerRecord, race: string): RatingRow {
    const known = this.rating(player, race);
    if (known) return known;
    const rating: RatingRow = { id: this.ratings.length + 1, playerId: player.id, race, mmr: this.initialRating, gamesPlayed: 0, gamesWon: 0, gamesLost: 0, gamesDrawn: 0, lastPlayedAt: null };
    this.ratings.push(rating);
    return rating;
  }

  private free(match: MatchRecord): void {
    for (const side of [1, 2] as const) Object.assign(this.side(match, side), { activity: 'idle', activityAt: null, currentMatchId: null });
  }

  private playerAction(admin: PlayerRecord, player: PlayerRecord, action: string, apply: () => void): void {
    const at = this.now();
    const key = this.audit(admin, action, player.discordId, null, at);
    this.log(player, 'admin_action', action, null, null, at, `admin:${admin.discordId}`, `${key}:${player.discordId}`);
    apply();
  }

  private audit(admin: PlayerRecord, action: string, targetDiscordId: string | null, targetMatchId: number | null, at: Date, oldValue: string | null = null): string {
    const key = `admin/${action}/${++this.ids}:message:${admin.discordId}`;
    this.audits.push({ id: this.audits.length + 1, idempotencyKey: key, adminDiscordId: admin.discordId, action, targetDiscordId, targetMatchId, oldValue, newValue: null, reason: 'by the story', details: null, createdAt: at });
    return key;
  }

  private log(player: PlayerRecord, action: string, settingName: string | null, oldValue: string | null, newValue: string | null, at: Date, changedBy = 'player', key = `click/${++this.ids}:message:${player.discordId}`): void {
    this.logs.push({ id: this.logs.length + 1, idempotencyKey: key, discordId: player.discordId, action, settingName, oldValue, newValue, changedBy, createdAt: at });
  }
}
