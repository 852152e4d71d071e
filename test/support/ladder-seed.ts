import { DriverUser } from '../../src/emulator';
import { Report } from '../../src/modules/matches/domain/reports';
import { MatchConfirmations } from '../../src/modules/matches/match-confirmations.service';
import { playerIdOf, reportRevOf, Side } from '../../src/modules/matches/match-record';
import { MatchReports } from '../../src/modules/matches/match-reports.service';
import { OpenMatches } from '../../src/modules/matches/open-matches';
import { WaveService } from '../../src/modules/matches/wave.service';
import { PlayerDirectory } from '../../src/modules/players/player-directory';
import { PlayerIdentity } from '../../src/modules/players/players.repository';
import { SetupService } from '../../src/modules/players/setup.service';
import { TermsService } from '../../src/modules/players/terms.service';
import { QueueService } from '../../src/modules/queue/queue.service';
import { NO_RACE } from '../../src/modules/queue/domain/queue-selection';
import { E2e } from './e2e';
import { ManualClock } from './manual-clock';

export interface SeededPlayer {
  user: DriverUser;
  name: string;
  country: string;
  /** The races the player queues with: a BW race, an SC2 race, or one of each. */
  races: { bw?: string; sc2?: string };
}

const noScreen = async () => undefined;

/**
 * Many rated players quickly, through the ladder's own services as the handlers call them (terms,
 * setup, join, the wave, confirm, report), with no interaction round trip per step: the data is what
 * playing would have written, and every write goes through its one statement.
 */
export class LadderSeed {
  private keys = 0;

  constructor(
    private readonly e2e: E2e,
    private readonly clock: ManualClock,
  ) {}

  /** A player set up through the terms and setup services, with an emulator user for their DMs. */
  async player(name: string, country: string, races: SeededPlayer['races']): Promise<SeededPlayer> {
    const user = this.e2e.driver.createUser(name.toLowerCase());
    const who = this.identity(user);
    await this.e2e.app.get(TermsService).answer(who, true, this.e2e.config.terms.version, 0, this.key());
    const rev = this.directory().get(user.id)!.rev;
    await this.e2e.app.get(SetupService).complete(who, { userId: name, battletag: `${name}#1234`, alt1: '', alt2: '', country, region: 'EUW' }, rev, this.key());
    return { user, name, country, races };
  }

  /**
   * One round: every idle player joins with their races, a wave runs after `wavesWaited` waves (a
   * wider window), and each match found is confirmed by both and reported as `decide` says, from the
   * first player's side. Those the wave left stay queued. Returns the matches played.
   */
  async round(players: readonly SeededPlayer[], decide: (matchId: number) => Report, wavesWaited = 4): Promise<number[]> {
    const queue = this.e2e.app.get(QueueService);
    for (const player of players) {
      const record = this.directory().get(player.user.id)!;
      if (record.activity !== 'idle') continue;
      const read = queue.readVetoes(player.races.bw ?? NO_RACE, player.races.sc2 ?? NO_RACE, []);
      await queue.join(this.identity(player.user), read, record.version, this.key(), noScreen);
    }
    this.clock.advance(wavesWaited * this.e2e.config.matchmaking.waveSeconds * 1000);
    const { created } = await this.e2e.app.get(WaveService).runNext();
    for (const matchId of created) {
      for (const side of [1, 2] as const) await this.e2e.app.get(MatchConfirmations).confirm(this.sideOf(matchId, side), matchId, this.key(), noScreen);
      const report = decide(matchId);
      await this.report(matchId, 1, report);
      await this.report(matchId, 2, report === 'won' ? 'lost' : report === 'lost' ? 'won' : 'draw');
    }
    return created;
  }

  private async report(matchId: number, side: Side, report: Report): Promise<void> {
    const match = this.e2e.app.get(OpenMatches).latest(matchId)!;
    await this.e2e.app.get(MatchReports).confirm(this.sideOf(matchId, side), matchId, report, reportRevOf(match, side), this.key(), noScreen);
  }

  private sideOf(matchId: number, side: Side): PlayerIdentity {
    const player = this.directory().byId(playerIdOf(this.e2e.app.get(OpenMatches).latest(matchId)!, side))!;
    return { discordId: player.discordId, username: player.discordUsername };
  }

  private identity(user: DriverUser): PlayerIdentity {
    return { discordId: user.id, username: user.username };
  }

  private directory(): PlayerDirectory {
    return this.e2e.app.get(PlayerDirectory);
  }

  private key(): string {
    this.keys += 1;
    return `seed:${this.keys}`;
  }
}
