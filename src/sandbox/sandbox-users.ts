import type { DiscordDriver, DriverUser } from '../emulator';
import type { SandboxUser } from './sandbox-view';

/** The players a person can act as; fixed ids, so each keeps their profile from one run to the next. */
const PLAYERS: ReadonlyArray<{ id: string; username: string }> = [
  { id: '900000000000000001', username: 'ana' },
  { id: '900000000000000002', username: 'ben' },
  { id: '900000000000000003', username: 'cleo' },
  { id: '900000000000000004', username: 'dmitri' },
];
const DEFAULT_ADMIN_ID = '900000000000000099';

export interface SandboxPeople {
  people: DriverUser[];
  /** The sandbox's admin, one of the people. */
  admin: DriverUser;
  /** The ids the bot must treat as admins: ADMIN_DISCORD_IDS, with the sandbox's admin. */
  adminIds: string[];
}

/**
 * Adds the sandbox's people to the emulator's guild, as the driver the tests use: the players, and an
 * admin who is the first of ADMIN_DISCORD_IDS (or one of the sandbox's own when none is set).
 */
export function addSandboxPeople(driver: DiscordDriver, adminIds: readonly string[]): SandboxPeople {
  const adminId = adminIds[0] ?? DEFAULT_ADMIN_ID;
  const players = PLAYERS.filter((player) => player.id !== adminId).map((player) => driver.createUser(player.username, { id: player.id }));
  const admin = driver.createUser('admin', { id: adminId, admin: true });
  return { people: [...players, admin], admin, adminIds: adminIds.includes(adminId) ? [...adminIds] : [...adminIds, adminId] };
}

export function sandboxUserOf(person: DriverUser, admins: readonly string[]): SandboxUser {
  return { id: person.id, username: person.username, admin: admins.includes(person.id) };
}
