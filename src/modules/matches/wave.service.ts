import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { PlayerDirectory } from '../players/player-directory';
import { QueueRoster } from '../queue/queue-roster';
import { StaticDataService } from '../static-data/static-data.service';
import { runWave } from './domain/matchmaker';
import { QueueEntry } from './domain/queue-entry';
import { seededRandom } from './domain/seeded-random';
import { ProposedMatch } from './domain/wave';
import { nextWaveId, waitCount } from './domain/wave-schedule';
import { MatchesRepository } from './matches.repository';
import { MatchRecord } from './match-record';
import { MatchNotices } from './match-notices';
import { OpenMatches } from './open-matches';

export interface WaveReport {
  waveId: number;
  queued: number;
  /** Ids of the matches this process created. */
  created: number[];
}

/**
 * One wave: the matchmaker over the queue in memory, seeded by the wave id, then one statement per
 * proposed match. Waves of one process run one after another; a second process proposing the same
 * match in the same wave finds its key used and changes nothing.
 */
@Injectable()
export class WaveService {
  private readonly logger = new Logger(WaveService.name);
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly roster: QueueRoster,
    private readonly directory: PlayerDirectory,
    private readonly repository: MatchesRepository,
    private readonly notices: MatchNotices,
    private readonly open: OpenMatches,
    private readonly staticData: StaticDataService,
    private readonly metrics: LadderMetrics,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    metrics.observeQueue(() => roster.population());
  }

  /** The next wave on the schedule, run now: how tests and the benchmark drive matchmaking. */
  runNext(): Promise<WaveReport> {
    return this.run(nextWaveId(this.clock.now(), this.config.matchmaking.waveSeconds));
  }

  run(waveId: number): Promise<WaveReport> {
    const wave = this.previous.then(() => this.runOnce(waveId));
    this.previous = wave.catch(() => undefined);
    return wave;
  }

  private async runOnce(waveId: number): Promise<WaveReport> {
    const queued = this.roster.all();
    if (queued.length === 0) return { waveId, queued: 0, created: [] };
    const started = performance.now();
    const catalog = this.staticData.catalog;
    const result = runWave(this.entries(waveId), {
      window: this.config.matchmaking,
      mapPool: catalog.currentSeason().maps.map((map) => map.code),
      chooseServer: (a, b) => catalog.chooseServer(a, b),
      random: seededRandom(waveId),
    });
    const created: MatchRecord[] = [];
    for (const proposal of result.matches) {
      const match = await this.create(waveId, proposal);
      if (match) created.push(match);
    }
    this.metrics.recordWave((performance.now() - started) / 1000, created.length);
    await Promise.all(created.map((match) => this.notices.matchFound(match)));
    return { waveId, queued: queued.length, created: created.map((match) => match.id) };
  }

  private entries(waveId: number): QueueEntry[] {
    const interval = this.config.matchmaking.waveSeconds;
    return this.roster.all().flatMap((queued) => {
      const region = this.directory.get(queued.discordId)?.region;
      if (!region) return [];
      return [{ playerId: queued.discordId, bw: queued.bw, sc2: queued.sc2, vetoes: queued.vetoes, region, waitCount: waitCount(waveId, queued.joinedAt, interval) }];
    });
  }

  private async create(waveId: number, proposal: ProposedMatch): Promise<MatchRecord | undefined> {
    const player1 = this.directory.get(proposal.player1.playerId);
    const player2 = this.directory.get(proposal.player2.playerId);
    if (!player1 || !player2) return undefined;
    const at = this.clock.now();
    try {
      const creation = await this.repository.create({
        idempotencyKey: `${waveId}:${player1.discordId}:${player2.discordId}`,
        player1: { playerId: player1.id, race: proposal.player1.race, rating: proposal.player1.rating },
        player2: { playerId: player2.id, race: proposal.player2.race, rating: proposal.player2.rating },
        mapCode: proposal.mapCode,
        serverCode: proposal.server.server.code,
        at,
        confirmDeadline: new Date(at.getTime() + this.config.ladder.confirmSeconds * 1000),
        reminderAt: new Date(at.getTime() + (this.config.ladder.confirmSeconds * 1000) / 3),
      });
      for (const player of creation.players) {
        this.directory.confirm(player);
        if (player.activity !== 'queued') this.roster.remove(player.discordId);
      }
      if (creation.status !== 'applied' || !creation.match) return undefined;
      this.open.put(creation.match);
      return creation.match;
    } catch (error) {
      // The outcome is unknown: memory reads both players again; a later wave finds them as they are.
      this.logger.warn(`Wave ${waveId}: could not create the match of ${player1.discordUsername} (${player1.discordId}) and ${player2.discordUsername} (${player2.discordId}): ${String(error)}`);
      this.directory.reread(player1.discordId);
      this.directory.reread(player2.discordId);
      return undefined;
    }
  }
}
