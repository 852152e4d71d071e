import { INestApplicationContext } from '@nestjs/common';
import { AuditReport, LadderAudit } from '../../src/modules/audit/ladder-audit.service';

/** The bot's own audit of the ladder: the database's invariants, and memory against the database. */
export function auditOf(app: INestApplicationContext): Promise<AuditReport> {
  return app.get(LadderAudit).run();
}

/** Fails the test, naming every violation, unless the ladder is whole. */
export async function expectWhole(app: INestApplicationContext): Promise<AuditReport> {
  const report = await auditOf(app);
  expect(report.violations).toEqual([]);
  return report;
}
