import { Injectable } from '@nestjs/common';
import { currentInteraction } from '../context/current-interaction';
import { LadderMetrics } from './ladder-metrics';

/** Records a cache lookup everywhere it counts: the cache's totals and the interaction it served. */
@Injectable()
export class CacheMetrics {
  constructor(private readonly metrics: LadderMetrics) {}

  record(cache: string, hit: boolean): void {
    this.metrics.recordCacheRequest(cache, hit);
    const interaction = currentInteraction();
    if (!interaction) return;
    if (hit) interaction.cacheHits += 1;
    else interaction.cacheMisses += 1;
  }
}
