import { User } from 'discord.js';
import { PlayerIdentity } from './players.repository';

/** Who acted, as every write records them (the username is refreshed inside the write). */
export function identityOf(user: User): PlayerIdentity {
  return { discordId: user.id, username: user.username };
}
