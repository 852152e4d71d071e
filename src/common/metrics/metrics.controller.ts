import { Controller, Get, Header } from '@nestjs/common';
import { LadderMetrics } from './ladder-metrics';

/** Prometheus scrape endpoint; open, like health, for scrapers. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LadderMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
