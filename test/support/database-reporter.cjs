// Says which databases the database suites ran on, and ends with a plain "N passed, N failed" line.
class DatabaseReporter {
  onRunComplete(_contexts, results) {
    const postgres = process.env.TEST_DATABASE_URL;
    const lines = [
      postgres
        ? `Database suites ran on SQLite and on PostgreSQL (${postgres.replace(/\/\/[^@]*@/, '//')}).`
        : 'Database suites ran on SQLite only. The PostgreSQL suites did NOT run: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them.',
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
module.exports = DatabaseReporter;
