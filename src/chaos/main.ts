import { writeFileSync } from 'node:fs';
import { chaosRun, ChaosFigures } from './chaos-run';
import { printChaos } from './chaos-report';

/**
 * `npm run chaos [--quick] [--database sqlite|postgres] [--verbose] [--out FILE]`: the real bot, in a process of its own, through the local
 * Discord emulator, on SQLite and (with a server at TEST_DATABASE_URL or the default local one) on
 * PostgreSQL: killed at named points of a scripted session, then the database cut and stalled, then
 * Discord's faults, the audit after every step. Exits non-zero on any violation or unreached point.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const serverUrl = process.env.CHAOS_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const only = args.includes('--database') ? [args[args.indexOf('--database') + 1]] : ['sqlite', 'postgres'];
  const runs: ChaosFigures[] = [];
  for (const database of (['sqlite', 'postgres'] as const).filter((name) => only.includes(name))) {
    console.log(`Chaos on ${database}${quick ? ' (quick)' : ''}...`);
    runs.push(await chaosRun({ database, full: !quick, serverUrl, outageSeconds: 10, verbose: args.includes('--verbose') }));
  }
  printChaos(runs);
  if (out) writeFileSync(out, `${JSON.stringify(runs, null, 2)}\n`);
  if (runs.some((run) => run.violations.length > 0 || run.unreached.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
