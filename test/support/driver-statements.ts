import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Counts the statements the database drivers really execute (pg's Client#query, better-sqlite3's
 * Statement#run/all/get/iterate), beneath TypeORM and the app's own query counter.
 */
export function countDriverStatements(): { count(): number; restore(): void } {
  let count = 0;
  const spies: jest.SpyInstance[] = [];
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'all', 'get', 'iterate']) {
    const original = statement[method];
    spies.push(jest.spyOn(statement, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    }));
  }
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  spies.push(
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      count += 1;
      return query.apply(this, args);
    } as never),
  );
  return { count: () => count, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
