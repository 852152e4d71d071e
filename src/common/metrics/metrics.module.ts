import { Global, Module } from '@nestjs/common';
import { CacheMetrics } from './cache-metrics';
import { LadderMetrics } from './ladder-metrics';
import { MetricsController } from './metrics.controller';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [LadderMetrics, CacheMetrics],
  exports: [LadderMetrics, CacheMetrics],
})
export class MetricsModule {}
