/** Each /admin subcommand, its options and what it does: Discord's command picker and /help's admin section say the same. */
export const ADMIN_SUBCOMMANDS = [
  { name: 'player', options: 'user or name', description: 'Look up a player: profile, state, aborts and recent matches' },
  { name: 'match', options: 'id', description: 'Look up a match: players, ratings at creation, state, reports, changes, deadlines' },
  { name: 'resolve', options: 'match, result, reason', description: 'Decide a match awaiting reports, in conflict, completed or cancelled (a preview first)' },
  { name: 'rating', options: 'user, race, value, reason', description: "Set one of a player's ratings; games played stay as they are" },
  { name: 'reset-aborts', options: 'user, reason', description: 'Give a player all their aborts for this month back' },
  { name: 'unqueue', options: 'user, reason', description: 'Take a player out of the queue' },
  { name: 'clear-queue', options: 'reason', description: 'Take everyone out of the queue; each is told by DM' },
  { name: 'free', options: 'user, reason', description: 'Free a stuck player: queued with no queue entry, or in a match that is not live' },
  { name: 'ban', options: 'user, reason', description: 'Ban a player: refused everywhere at once, out of the queue, their live match cancelled' },
  { name: 'unban', options: 'user, reason', description: "Lift a player's ban" },
] as const;

export type AdminSubcommandName = (typeof ADMIN_SUBCOMMANDS)[number]['name'];

/** The subcommand as Discord registers it. */
export function adminSubcommand(name: AdminSubcommandName): { name: string; description: string } {
  const { description } = ADMIN_SUBCOMMANDS.find((subcommand) => subcommand.name === name)!;
  return { name, description };
}
