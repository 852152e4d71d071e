import { Controller, Get, HttpCode, Post, UnprocessableEntityException, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '../../common/guards/admin-token.guard';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { ConnectionPool } from '../../database/connection-pool';
import { StaticDataError } from '../static-data/domain/static-data.errors';
import { StaticDataService } from '../static-data/static-data.service';

@Controller('admin')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(
    private readonly metrics: LadderMetrics,
    private readonly pool: ConnectionPool,
    private readonly staticData: StaticDataService,
  ) {}

  /** Per-route timings (p50/p95/p99), cache hit rates and the double-click rate since boot. */
  @Get('stats')
  stats() {
    return { routes: this.metrics.routeSummary(), caches: this.metrics.cacheSummary(), double_click_rate: this.metrics.doubleClickRate() };
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
