import { InitialSchema1764288000000 } from './1764288000000-InitialSchema';
import { PlayerRevisionsAndWriteGuard1764460800000 } from './1764460800000-PlayerRevisionsAndWriteGuard';
import { QueueAndActivity1764633600000 } from './1764633600000-QueueAndActivity';
import { MatchConfirmation1764720000000 } from './1764720000000-MatchConfirmation';
import { MatchReports1764806400000 } from './1764806400000-MatchReports';
import { AdminActionValues1764892800000 } from './1764892800000-AdminActionValues';

/** Every migration, oldest first: the only way the schema changes. */
export const MIGRATIONS = [
  InitialSchema1764288000000,
  PlayerRevisionsAndWriteGuard1764460800000,
  QueueAndActivity1764633600000,
  MatchConfirmation1764720000000,
  MatchReports1764806400000,
  AdminActionValues1764892800000,
];
