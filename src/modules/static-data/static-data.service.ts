import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { StaticCatalog } from './domain/static-catalog';
import { StaticFileName } from './domain/static-data.schemas';
import { LoadedStaticData, StaticDataLoader, StaticSource } from './static-data.loader';
import { CacheMetrics } from '../../common/metrics/cache-metrics';

export interface StaticDataStatus {
  loaded: boolean;
  sources: Partial<Record<StaticFileName, StaticSource>>;
}

/**
 * Static data served from memory: loaded once at boot, swapped whole on reload (a failed reload keeps
 * the previous data), never read from the database on a command path.
 */
@Injectable()
export class StaticDataService implements OnModuleInit {
  private readonly logger = new Logger(StaticDataService.name);
  private current?: LoadedStaticData;

  constructor(
    private readonly loader: StaticDataLoader,
    private readonly cacheMetrics: CacheMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  get catalog(): StaticCatalog {
    if (!this.current) throw new Error('Static data is not loaded yet');
    return this.current.catalog;
  }

  /** Loads the files again and swaps them in whole; says how much of each there is and where it came from. */
  async reload(): Promise<{ counts: Record<StaticFileName, number>; sources: Record<StaticFileName, StaticSource> }> {
    const loaded = await this.loader.load();
    loaded.catalog.onLookup((kind, hit) => this.cacheMetrics.record(`static:${kind}`, hit));
    this.current = loaded;
    const counts = loaded.catalog.counts();
    this.logger.log(`Static data loaded: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')}`);
    return { counts, sources: loaded.sources };
  }

  status(): StaticDataStatus {
    return { loaded: this.current !== undefined, sources: this.current?.sources ?? {} };
  }
}
