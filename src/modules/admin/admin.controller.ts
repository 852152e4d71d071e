import { Get, HttpCode, Post, UnprocessableEntityException } from '@nestjs/common';
import { AdminApi } from '../../common/decorators/admin-api.decorator';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { ConnectionPool } from '../../database/connection-pool';
import { communityJson } from './admin-api.render';
import { StaticDataError } from '../static-data/domain/static-data.errors';
import { StaticDataService } from '../static-data/static-data.service';
import { CommunityStats } from './community-stats';

@AdminApi()
export class AdminController {
  constructor(
    private readonly metrics: LadderMetrics,
    private readonly pool: ConnectionPool,
    private readonly staticData: StaticDataService,
    private readonly community: CommunityStats,
  ) {}

  /** The community's figures, then per-route timings (p50/p95/p99), cache hit rates and the double-click rate since boot. */
  @Get('stats')
  stats() {
    return {
      community: communityJson(this.community.figures()),
      routes: this.metrics.routeSummary(),
      caches: this.metrics.cacheSummary(),
      double_click_rate: this.metrics.doubleClickRate(),
    };
  }

  @Get('pool')
  poolStats() {
    return this.pool.report();
  }

  /** Reads the static files again; answers how much of each loaded and where it came from, or 422 naming the problem. */
  @Post('static/reload')
  @HttpCode(200)
  async reload() {
    try {
      const { counts, sources } = await this.staticData.reload();
      return { reloaded: counts, sources };
    } catch (error) {
      if (error instanceof StaticDataError) throw new UnprocessableEntityException({ error: 'static data not reloaded', reason: error.message });
      throw error;
    }
  }
}
