import { ChaosFigures } from './chaos-run';

/** The summary: kills per point, outages survived, faults injected, invariant violations (must be 0). */
export function printChaos(runs: readonly ChaosFigures[]): void {
  for (const run of runs) {
    console.log(`\n${run.database}: ${run.steps} steps in ${run.seconds} s, the audit after each`);
    const points = Object.entries(run.kills);
    console.log(`  kills: ${points.reduce((sum, [, kills]) => sum + kills, 0)} at ${points.length} points`);
    for (const [point, kills] of points) console.log(`    ${point.padEnd(34)} ${kills}`);
    for (const point of run.unreached) console.log(`    ${point.padEnd(34)} NEVER REACHED`);
    for (const outage of run.outages) {
      console.log(`  outage (${outage.kind}, ${outage.seconds} s): a write answered "${outage.writeAnswer}"; /health/ready ${outage.readyWhileDown} while down; ready again ${outage.recoveredInMs} ms after`);
    }
    console.log(`  Discord faults: ${Object.entries(run.faults).map(([kind, times]) => `${kind} x${times}`).join(', ')}`);
    console.log(`  invariant violations: ${run.violations.length}`);
    run.violations.forEach((violation) => console.log(`    ${violation}`));
  }
}
