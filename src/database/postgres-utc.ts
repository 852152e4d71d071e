import { defaults, types } from 'pg';

const TIMESTAMP_WITHOUT_TIME_ZONE_OID = 1114;

/**
 * Timestamps are stored as UTC wall time whatever the process time zone: node-postgres would otherwise
 * write and read `timestamp` columns in local time.
 */
export function useUtcTimestamps(): void {
  defaults.parseInputDatesAsUTC = true;
  types.setTypeParser(TIMESTAMP_WITHOUT_TIME_ZONE_OID, (value) => new Date(`${value.replace(' ', 'T')}Z`));
}
