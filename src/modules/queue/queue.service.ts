import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { Change } from '../../database/guarded-write';
import { ChangeMatchedNothing } from '../../database/sql';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerRecord } from '../players/player-record';
import { PlayerUpdates } from '../players/player-updates';
import { PlayerIdentity } from '../players/players.repository';
import { QueueDeparture } from '../players/queue-departure';
import { StaticDataService } from '../static-data/static-data.service';
import { EMPTY_SELECTION, hasRace, NO_RACE, QueueSelection, racesOf, selectionFrom } from './domain/queue-selection';
import { decodeVetoes } from './domain/veto-token';
import { QueuePreferences } from './queue-preferences';
import { QueuedPlayer } from './queued-player';
import { QueueRoster } from './queue-roster';
import { QueueRepository, QueueWrite } from './queue.repository';
import { QueueView } from './queue-view';
import { SearchingMessage, SearchingMessages } from './searching-messages';

/** Selections as a custom id carries them: race codes or `none`, veto positions and the pool's fingerprint. */
export interface SelectionParams {
  bw: string;
  sc2: string;
  vetoes: string;
  pool: string;
}

export interface ReadSelection {
  selection: QueueSelection;
  /** The message was drawn for another map pool: its vetoes were dropped. */
  poolChanged: boolean;
}

const POOL_CHANGED = 'The map pool changed since this message was drawn: choose your vetoes again.';

@Injectable()
export class QueueService implements QueueDeparture {
  private readonly logger = new Logger(QueueService.name);

  constructor(
    private readonly repository: QueueRepository,
    private readonly roster: QueueRoster,
    private readonly preferences: QueuePreferences,
    private readonly searching: SearchingMessages,
    private readonly directory: PlayerDirectory,
    private readonly updates: PlayerUpdates,
    private readonly staticData: StaticDataService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** /queue: the choices pre-filled from the saved preferences, or where the player stands. */
  open(discordId: string): QueueView {
    const player = this.playerOf(discordId);
    if (player.activity !== 'idle') return this.standing(player);
    const saved = this.preferences.of(player.id);
    return this.choosing(player, saved ? selectionFrom(saved.races, saved.vetoes, this.pool()) : EMPTY_SELECTION);
  }

  /** The selections of a custom id, checked against the current races and pool. */
  read(params: SelectionParams): ReadSelection {
    const pool = this.pool();
    const vetoes = decodeVetoes(params.vetoes, params.pool, pool);
    const races = [params.bw, params.sc2].filter((race) => race !== NO_RACE);
    return { selection: selectionFrom(races, vetoes ?? [], pool), poolChanged: vetoes === undefined };
  }

  /** A select changed the choices: the view redrawn with them (saved by `remember`, after the acknowledgement). */
  choose(discordId: string, read: ReadSelection): QueueView {
    const player = this.playerOf(discordId);
    if (player.activity !== 'idle') return this.standing(player);
    return this.choosing(player, read.selection, read.poolChanged ? POOL_CHANGED : undefined);
  }

  /** The races a custom id carries, with the vetoes the veto select now reports (map codes). */
  readVetoes(bw: string, sc2: string, vetoes: readonly string[]): ReadSelection {
    const races = [bw, sc2].filter((race) => race !== NO_RACE);
    return { selection: selectionFrom(races, vetoes, this.pool()), poolChanged: false };
  }

  /** Saves the choices a view shows as the player's preferences (after the acknowledgement). */
  async remember(discordId: string, view: QueueView): Promise<void> {
    const player = this.directory.get(discordId);
    if (player && view.kind === 'choosing') await this.preferences.save(player.id, view.selection);
  }

  /**
   * Join acts on what the message showed (its selections, at the player row's version): one statement
   * with the entry, the player idle -> queued, the log row and the preferences.
   */
  async join(who: PlayerIdentity, read: ReadSelection, version: number, intentKey: string, searchingMessage: SearchingMessage): Promise<QueueView> {
    const player = this.playerOf(who.discordId);
    if (player.activity !== 'idle' && this.directory.trusts(who.discordId)) return this.standing(player);
    if (read.poolChanged) return this.choosing(player, read.selection, POOL_CHANGED);
    if (!hasRace(read.selection)) return this.choosing(player, read.selection, 'Choose at least one race to join: a BW race, an SC2 race, or one of each.');
    if (player.version !== version && this.directory.trusts(who.discordId)) {
      return this.choosing(player, read.selection, 'Your ladder settings changed since this message was drawn, so nothing was done: check your choices and Join again.');
    }
    const at = this.clock.now();
    const { selection } = read;
    const joined = await this.guarded(who.discordId, () =>
      this.repository.join({
        who,
        playerId: player.id,
        version,
        selection,
        initialRating: this.config.ladder.initialRating,
        at,
        log: {
          idempotencyKey: intentKey,
          discordId: who.discordId,
          action: 'queue_joined',
          settingName: 'races',
          newValue: JSON.stringify({ races: racesOf(selection), vetoes: selection.vetoes }),
          changedBy: 'player',
          at,
        },
      }),
    );
    if (joined.status === 'applied' && joined.entry) {
      this.roster.add(joined.entry);
      this.preferences.joined(player.id, selection);
    } else await this.catchUp(joined);
    const now = joined.player ?? this.playerOf(who.discordId);
    if (now.activity === 'queued') this.searching.remember(who.discordId, searchingMessage);
    if (joined.status === 'stale' && now.activity === 'idle') {
      return this.choosing(now, selection, 'Your ladder settings changed since this message was drawn, so nothing was done: check your choices and Join again.');
    }
    return this.standing(now);
  }

  /** Leave: the entry removed and the player queued -> idle in one statement; the choices shown again. */
  async leave(who: PlayerIdentity): Promise<QueueView> {
    const player = this.playerOf(who.discordId);
    const entry = this.roster.get(who.discordId);
    if (player.activity !== 'queued' && this.directory.trusts(who.discordId)) return this.standing(player, 'You are not in the queue.');
    const left = await this.guarded(who.discordId, () => this.repository.leave(who, this.clock.now()));
    this.searching.forget(who.discordId);
    if (left.status === 'applied') this.roster.remove(who.discordId);
    else await this.catchUp(left);
    const now = left.player ?? this.playerOf(who.discordId);
    if (now.activity !== 'idle') return this.standing(now);
    const shown = left.entry ?? entry;
    const selection = shown ? selectionFrom(racesOfEntry(shown), shown.vetoes, this.pool()) : EMPTY_SELECTION;
    return this.choosing(now, selection, left.status === 'applied' ? 'You left the queue.' : 'You are not in the queue.');
  }

  /** Clear: no races and no vetoes, remembered as the player's preferences. */
  clear(discordId: string): QueueView {
    return this.choose(discordId, { selection: EMPTY_SELECTION, poolChanged: false });
  }

  leaveChanges(playerId: number): Change[] {
    return this.repository.leaveChanges(playerId);
  }

  left(discordId: string): void {
    this.roster.remove(discordId);
    this.searching.forget(discordId);
  }

  private async guarded(discordId: string, work: () => Promise<QueueWrite>): Promise<QueueWrite> {
    try {
      return await this.updates.write(discordId, work);
    } catch (error) {
      if (!(error instanceof ChangeMatchedNothing)) this.reloadEntry(discordId);
      throw error;
    }
  }

  /** A write that changed nothing returned the player as they stand: the roster follows. */
  private async catchUp(write: QueueWrite): Promise<void> {
    const player = write.player;
    if (!player) return;
    if (player.activity !== 'queued') this.roster.remove(player.discordId);
    else if (!this.roster.get(player.discordId)) await this.reloadEntry(player.discordId);
  }

  private async reloadEntry(discordId: string): Promise<void> {
    try {
      const entry = await this.repository.entry(discordId);
      if (entry) this.roster.add(entry);
      else this.roster.remove(discordId);
    } catch (error) {
      this.logger.warn(`Could not read the queue entry of ${discordId} again: ${String(error)}`);
    }
  }

  private playerOf(discordId: string): PlayerRecord {
    const player = this.directory.get(discordId);
    if (!player) throw new Error(`Player ${discordId} passed the guard with no record`);
    return player;
  }

  private pool(): string[] {
    return this.staticData.catalog.currentSeason().maps.map((map) => map.code);
  }

  private choosing(player: PlayerRecord, selection: QueueSelection, note?: string): QueueView {
    const catalog = this.staticData.catalog;
    return {
      kind: 'choosing',
      selection,
      version: player.version,
      pool: catalog.currentSeason().maps.map((map) => ({ code: map.code, name: map.shortName })),
      bwRaces: catalog.racesOfGame('bw').map((race) => ({ code: race.code, name: race.name })),
      sc2Races: catalog.racesOfGame('sc2').map((race) => ({ code: race.code, name: race.name })),
      note,
    };
  }

  private standing(player: PlayerRecord, note?: string): QueueView {
    if (player.activity === 'in_match') return { kind: 'in_match', matchId: player.currentMatchId, since: player.activityAt };
    const entry = this.roster.get(player.discordId);
    if (player.activity !== 'queued' || !entry) return this.choosing(player, EMPTY_SELECTION, note);
    const catalog = this.staticData.catalog;
    return {
      kind: 'searching',
      since: entry.joinedAt,
      races: [entry.bw, entry.sc2].filter((rated) => rated !== undefined).map((rated) => ({ name: catalog.race(rated.race)?.name ?? rated.race, rating: rated.rating })),
      vetoes: entry.vetoes.map((code) => catalog.map(code)?.shortName ?? code),
      population: this.roster.population(),
      waveSeconds: this.config.matchmaking.waveSeconds,
      note,
    };
  }
}

function racesOfEntry(entry: QueuedPlayer): string[] {
  return [entry.bw?.race, entry.sc2?.race].filter((race): race is NonNullable<typeof race> => race !== undefined);
}
