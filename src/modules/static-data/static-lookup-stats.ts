import { Injectable } from '@nestjs/common';

export interface LookupCounts {
  hits: number;
  misses: number;
}

/** Hits and misses of static lookups by code, per kind (race, map, country...). */
@Injectable()
export class StaticLookupStats {
  private readonly counts = new Map<string, LookupCounts>();

  record(kind: string, hit: boolean): void {
    const counts = this.counts.get(kind) ?? { hits: 0, misses: 0 };
    if (hit) counts.hits += 1;
    else counts.misses += 1;
    this.counts.set(kind, counts);
  }

  snapshot(): Record<string, LookupCounts> {
    return Object.fromEntries([...this.counts].map(([kind, counts]) => [kind, { ...counts }]));
  }
}
