/** The fields of the one line each interaction logs (see InteractionRecorder). */
export interface InteractionLine {
  route: string;
  user: string;
  username?: string;
  ackMs: number | null;
  totalMs: number;
  queries: number;
  cacheHits: number;
  duplicate: boolean;
  failed: boolean;
}

/** Fields the pretty message already says in words, so they are not repeated after it. */
export const WORDED_FIELDS = ['context', 'interaction', 'route', 'user', 'username', 'ackMs', 'totalMs', 'queries', 'cacheHits', 'duplicate', 'failed'];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeInteraction(line: InteractionLine): string {
  const who = line.username ? `${line.username} (${line.user})` : line.user;
  const acknowledged = line.ackMs === null ? 'not acknowledged' : `acknowledged in ${line.ackMs} ms`;
  const notes = [line.duplicate && 'a repeat', line.failed && 'FAILED'].filter(Boolean);
  return (
    `${line.route} by ${who}: ${acknowledged}, done in ${line.totalMs} ms, ` +
    `${count(line.queries, 'query', 'queries')}, ${count(line.cacheHits, 'cache hit', 'cache hits')}` +
    notes.map((note) => `, ${note}`).join('')
  );
}

/** The message of one pretty log line: `[context] message`, an interaction told in words. */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const where = typeof log.context === 'string' ? `[${log.context}] ` : '';
  const message = log[messageKey] === 'interaction' && typeof log.route === 'string' ? describeInteraction(log as unknown as InteractionLine) : String(log[messageKey] ?? '');
  return `${where}${message}`;
}
