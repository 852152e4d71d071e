import { LadderMemory, LadderSnapshot } from './ladder-snapshot';

/**
 * Where the bot's memory differs from the database it was loaded from: every player, the queue, the
 * open matches, the ratings kept for profiles and the ranked pool must be what a fresh boot would load.
 */
export function memoryDrift(database: LadderSnapshot, memory: LadderMemory): string[] {
  const rereading = new Set(memory.rereading);
  const playersById = new Map(database.players.map((player) => [player.id, player]));
  const ratingsOf = new Map<string, LadderSnapshot['ratings']>();
  for (const rating of database.ratings) {
    const discordId = playersById.get(rating.playerId)?.discordId;
    if (discordId) ratingsOf.set(discordId, [...(ratingsOf.get(discordId) ?? []), rating]);
  }
  const open = database.matches.filter((match) => match.status === 'awaiting_confirmation' || match.status === 'confirmed');
  const ranked = database.ratings.filter((rating) => rating.gamesPlayed > 0 && rating.lastPlayedAt !== null && rating.lastPlayedAt >= memory.rankedSince);

  return [
    ...compare(
      'player',
      database.players.filter((player) => !rereading.has(player.discordId)),
      memory.players.filter((player) => !rereading.has(player.discordId)),
      (player) => player.discordId,
    ),
    ...compare('queue entry', database.queue, memory.queue, (entry) => entry.discordId),
    ...compare('open match', open, memory.openMatches, (match) => String(match.id)),
    ...memory.keptRatings.flatMap(({ discordId, ratings }) =>
      compare(
        `kept rating of ${discordId}`,
        (ratingsOf.get(discordId) ?? []).map(({ race, mmr, gamesPlayed, gamesWon, gamesLost, gamesDrawn, lastPlayedAt }) => ({ race, mmr, gamesPlayed, gamesWon, gamesLost, gamesDrawn, lastPlayedAt })),
        ratings,
        (rating) => rating.race,
      ),
    ),
    ...compare(
      'ranked rating',
      ranked.map((rating) => ({ id: rating.id, playerId: rating.playerId, race: rating.race, rating: rating.mmr, gamesPlayed: rating.gamesPlayed, wins: rating.gamesWon, losses: rating.gamesLost, lastPlayedAt: rating.lastPlayedAt })),
      memory.rankedPool,
      (entry) => String(entry.id),
    ),
  ];
}

/** Each record by key: missing from memory, only in memory, or different (naming the fields). */
function compare<T extends object>(what: string, database: readonly T[], memory: readonly T[], keyOf: (record: T) => string): string[] {
  const violations: string[] = [];
  const held = new Map(memory.map((record) => [keyOf(record), record]));
  for (const record of database) {
    const key = keyOf(record);
    const kept = held.get(key);
    held.delete(key);
    if (!kept) {
      violations.push(`memory lacks ${what} ${key}`);
      continue;
    }
    const fields = differingFields(record, kept);
    if (fields.length > 0) violations.push(`memory's ${what} ${key} differs from the database in ${fields.map(({ field, database: stored, memory: remembered }) => `${field} (database ${stored}, memory ${remembered})`).join(', ')}`);
  }
  for (const key of held.keys()) violations.push(`memory holds ${what} ${key}, which the database does not`);
  return violations;
}

function differingFields(database: object, memory: object): Array<{ field: string; database: string; memory: string }> {
  const fields = new Set([...Object.keys(database), ...Object.keys(memory)]);
  return [...fields]
    .map((field) => ({ field, database: canonical((database as Record<string, unknown>)[field]), memory: canonical((memory as Record<string, unknown>)[field]) }))
    .filter((difference) => difference.database !== difference.memory);
}

/** A value as text, dates as instants and object keys sorted, so two equal records read the same whatever built them. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}
