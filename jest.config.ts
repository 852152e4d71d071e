import type { Config } from 'jest';
import { chromiumPath } from './test/support/chromium';
import { composeCommand } from './test/support/compose-command';

// Every suite runs far from UTC (workers inherit it), so a timestamp written or read in local time fails its test.
process.env.TZ = 'Asia/Kolkata';

const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
} satisfies Config;

/** Suites that touch a database run once per database: always SQLite, PostgreSQL when TEST_DATABASE_URL is set. */
const databaseSuites = ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/src/**/*.db-spec.ts'];

const databaseProject = (name: 'sqlite' | 'postgres'): Config => ({
  ...shared,
  displayName: name,
  testMatch: databaseSuites,
  setupFiles: [`<rootDir>/test/setup/${name}.ts`],
});

const config: Config = {
  testTimeout: 30_000,
  reporters: ['default', ['<rootDir>/test/support/database-reporter.cjs', { composeCli: Boolean(composeCommand()), chromium: chromiumPath() ?? null }]],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    databaseProject('sqlite'),
    ...(process.env.TEST_DATABASE_URL ? [databaseProject('postgres')] : []),
    // docker-compose.yml is checked by the compose CLI itself, where the machine has one.
    ...(composeCommand() ? [{ ...shared, displayName: 'compose', testMatch: ['<rootDir>/test/compose/*.compose-spec.ts'] }] : []),
    // The sandbox page in a real browser, where the machine has a Chromium.
    ...(chromiumPath() ? [{ ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/browser/*.browser-spec.ts'] }] : []),
  ],
};

export default config;
