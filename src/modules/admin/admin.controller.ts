import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '../../common/guards/admin-token.guard';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { ConnectionPool } from '../../database/connection-pool';
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

  @Post('static/reload')
  @HttpCode(200)
  async reload() {
    return { reloaded: await this.staticData.reload() };
  }
}
