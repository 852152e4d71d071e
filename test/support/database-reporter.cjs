// Says which databases the database suites ran on, whether docker-compose.yml was checked, whether the
// browser suite ran, and ends with a plain "N passed, N failed" line.
class DatabaseReporter {
  constructor(_globalConfig, { composeCli, chromium }) {
    this.composeCli = composeCli;
    this.chromium = chromium;
  }

  onRunComplete(contexts, results) {
    const ran = (project) => [...contexts].some((context) => context.config.displayName?.name === project);
    const composeChecked = ran('compose');
    const postgres = process.env.TEST_DATABASE_URL;
    const lines = [
      postgres
        ? `Database suites ran on SQLite and on PostgreSQL (${postgres.replace(/\/\/[^@]*@/, '//')}).`
        : 'Database suites ran on SQLite only. The PostgreSQL suites did NOT run: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them.',
      composeChecked && 'docker-compose.yml was checked with the compose CLI.',
      !this.composeCli && 'The docker-compose.yml check did NOT run: no docker compose CLI on this machine (docker compose or docker-compose).',
      ran('browser') && `The browser suite ran in ${this.chromium}; its screenshots are in test-results/browser.`,
      !this.chromium && 'The browser suite did NOT run: no Chromium on this machine (install chromium, or set CHROMIUM_PATH).',
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`,
    ].filter(Boolean);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
module.exports = DatabaseReporter;
