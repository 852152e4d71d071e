import { Logger as TypeOrmLogger } from 'typeorm';

type QueryListener = (query: string) => void;

/**
 * Counts every statement TypeORM sends (transaction control included, as the server sees it), so tests
 * and metrics can hold each command to its round-trip budget.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  private readonly listeners = new Set<QueryListener>();

  get total(): number {
    return this.count;
  }

  /** Calls `listener` for every statement until the returned function is called. */
  subscribe(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  logQuery(query: string): void {
    this.count += 1;
    for (const listener of this.listeners) listener(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
