import { AppConfig } from '../../src/config/app-config';
import { TestDatabaseConfig } from './test-database';
import { loadConfig } from '../../src/config/load-config';

/**
 * The configuration a suite runs with: defaults, no Discord token, the given database, an ephemeral
 * port, and waves and deadlines run by the test, never by the clock in the middle of one.
 */
export function testConfig(database: TestDatabaseConfig, env: NodeJS.ProcessEnv = {}): AppConfig {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', TIMERS: 'manual', ...env });
  const { statementTimeoutMs, connect } = config.database;
  return { ...config, database: { statementTimeoutMs, connect, ...database } };
}
