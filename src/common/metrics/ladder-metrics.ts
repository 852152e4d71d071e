import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { InteractionOutcome } from '../context/interaction-context';
import { CommunityFigures, NO_COMMUNITY_FIGURES } from './community-figures';
import { RouteStats, RouteSummary } from './route-stats';

export interface CacheSummary {
  cache: string;
  hits: number;
  misses: number;
  hit_rate: number | null;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Every figure the team needs without asking players: Prometheus at /metrics, a JSON summary for admins. */
@Injectable()
export class LadderMetrics {
  readonly registry = new Registry();
  private readonly routes = new RouteStats();
  private readonly caches = new Map<string, { hits: number; misses: number }>();
  private components = 0;
  private componentDuplicates = 0;

  private readonly interactions = new Counter({ name: 'ladder_interactions_total', help: 'Interactions handled', labelNames: ['route'], registers: [this.registry] });
  private readonly ackSeconds = new Histogram({
    name: 'ladder_interaction_ack_seconds',
    help: 'Time from receiving an interaction to acknowledging it',
    labelNames: ['route'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly durationSeconds = new Histogram({
    name: 'ladder_interaction_duration_seconds',
    help: 'Time from receiving an interaction to finishing it',
    labelNames: ['route'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly queries = new Histogram({
    name: 'ladder_db_queries_per_interaction',
    help: 'Database statements sent while handling one interaction',
    labelNames: ['route'],
    buckets: [0, 1, 2, 3, 5, 8, 13],
    registers: [this.registry],
  });
  private readonly cacheRequests = new Counter({
    name: 'ladder_cache_requests_total',
    help: 'Cache lookups by cache and result',
    labelNames: ['cache', 'result'],
    registers: [this.registry],
  });
  private readonly duplicates = new Counter({
    name: 'ladder_duplicate_interactions_total',
    help: 'Interactions recognised as a repeat of one already in progress or done',
    labelNames: ['route'],
    registers: [this.registry],
  });
  private readonly discordErrors = new Counter({
    name: 'ladder_discord_api_errors_total',
    help: 'Errors answered by the Discord API, by code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  private queueSource: () => { bw: number; sc2: number } = () => ({ bw: 0, sc2: 0 });
  private readonly queueSize = new Gauge({
    name: 'ladder_queue_size',
    help: 'Queued players offering each game (a player with both races counts in both)',
    labelNames: ['game'],
    registers: [this.registry],
    collect: () => {
      const { bw, sc2 } = this.queueSource();
      this.queueSize.set({ game: 'bw' }, bw);
      this.queueSize.set({ game: 'sc2' }, sc2);
    },
  });
  private readonly waveSeconds = new Histogram({
    name: 'ladder_wave_duration_seconds',
    help: 'Time a wave took: matchmaking, match creation and the match-found messages',
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly matchesCreated = new Counter({ name: 'ladder_matches_created_total', help: 'Matches created by waves', registers: [this.registry] });
  private readonly dmFailures = new Counter({
    name: 'ladder_dm_failures_total',
    help: 'Direct messages Discord would not deliver (closed DMs), by message',
    labelNames: ['message'],
    registers: [this.registry],
  });

  private readonly matchOutcomes = new Counter({
    name: 'ladder_match_outcomes_total',
    help: 'Match steps by outcome: confirmed by both, aborted, timed out, then completed, in conflict or cancelled',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  private communitySource: () => CommunityFigures = () => NO_COMMUNITY_FIGURES;
  private readonly players = new Gauge({
    name: 'ladder_players',
    help: 'Players with a ladder record, by how far they came: registered, terms_accepted (the current version), setup_completed',
    labelNames: ['stage'],
    registers: [this.registry],
    collect: () => {
      const figures = this.communitySource();
      this.players.set({ stage: 'registered' }, figures.playersRegistered);
      this.players.set({ stage: 'terms_accepted' }, figures.termsAccepted);
      this.players.set({ stage: 'setup_completed' }, figures.setupsCompleted);
    },
  });
  private readonly matchesPlayed = new Gauge({
    name: 'ladder_matches',
    help: 'Matches created in the current period (UTC day, ISO week)',
    labelNames: ['period'],
    registers: [this.registry],
    collect: () => {
      const figures = this.communitySource();
      this.matchesPlayed.set({ period: 'today' }, figures.matchesToday);
      this.matchesPlayed.set({ period: 'week' }, figures.matchesThisWeek);
    },
  });
  private readonly weekEndings = new Gauge({
    name: 'ladder_match_endings_this_week',
    help: 'Matches created this ISO week (UTC) that ended aborted or timed out',
    labelNames: ['outcome'],
    registers: [this.registry],
    collect: () => {
      const figures = this.communitySource();
      this.weekEndings.set({ outcome: 'aborted' }, figures.abortsThisWeek);
      this.weekEndings.set({ outcome: 'timed_out' }, figures.timeoutsThisWeek);
    },
  });
  private readonly conflictsOpen = new Gauge({
    name: 'ladder_conflicts_open',
    help: 'Matches whose reports conflict, waiting for an admin',
    registers: [this.registry],
    collect: () => {
      this.conflictsOpen.set(this.communitySource().conflictsOpen);
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Where the queue size gauge reads from when scraped. */
  observeQueue(source: () => { bw: number; sc2: number }): void {
    this.queueSource = source;
  }

  /** Where the community gauges read from when scraped: memory, never the database. */
  observeCommunity(source: () => CommunityFigures): void {
    this.communitySource = source;
  }

  recordWave(seconds: number, matchesCreated: number): void {
    this.waveSeconds.observe(seconds);
    this.matchesCreated.inc(matchesCreated);
  }

  recordMatchOutcome(outcome: 'confirmed' | 'aborted' | 'timed_out' | 'completed' | 'conflict' | 'cancelled'): void {
    this.matchOutcomes.inc({ outcome });
  }

  recordDmFailure(message: string): void {
    this.dmFailures.inc({ message });
  }

  recordInteraction(outcome: InteractionOutcome): void {
    const labels = { route: outcome.route };
    this.interactions.inc(labels);
    if (outcome.ackMs !== undefined) this.ackSeconds.observe(labels, outcome.ackMs / 1000);
    this.durationSeconds.observe(labels, outcome.totalMs / 1000);
    this.queries.observe(labels, outcome.queries);
    if (outcome.duplicate) this.duplicates.inc(labels);
    if (outcome.kind === 'component') {
      this.components += 1;
      if (outcome.duplicate) this.componentDuplicates += 1;
    }
    this.routes.record(outcome.route, outcome);
  }

  recordCacheRequest(cache: string, hit: boolean): void {
    this.cacheRequests.inc({ cache, result: hit ? 'hit' : 'miss' });
    const counts = this.caches.get(cache) ?? { hits: 0, misses: 0 };
    if (hit) counts.hits += 1;
    else counts.misses += 1;
    this.caches.set(cache, counts);
  }

  recordDiscordApiError(code: number | string): void {
    this.discordErrors.inc({ code: String(code) });
  }

  routeSummary(): RouteSummary[] {
    return this.routes.summary();
  }

  cacheSummary(): CacheSummary[] {
    return [...this.caches]
      .map(([cache, { hits, misses }]) => ({ cache, hits, misses, hit_rate: hits + misses === 0 ? null : Math.round((hits / (hits + misses)) * 1000) / 1000 }))
      .sort((a, b) => a.cache.localeCompare(b.cache));
  }

  /** Share of button and select clicks that repeated one already in progress or done. */
  doubleClickRate(): number {
    return this.components === 0 ? 0 : Math.round((this.componentDuplicates / this.components) * 1000) / 1000;
  }
}
