import type { DiscordEmulator } from './discord-emulator';

/** The command that starts a bot against `emulator`, ready to paste into a shell at the repository. */
export function botCommand(emulator: Pick<DiscordEmulator, 'apiBase' | 'token' | 'guildId' | 'ladderChannelId' | 'adminChannelId'>): string {
  const env = {
    DISCORD_API_BASE: emulator.apiBase,
    DISCORD_TOKEN: emulator.token,
    DISCORD_GUILD_ID: emulator.guildId,
    LADDER_CHANNEL_ID: emulator.ladderChannelId,
    ADMIN_CHANNEL_ID: emulator.adminChannelId,
  };
  return `${Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')} npm start`;
}
