import { AppConfig } from '../config/app-config';
import { DiscordEmulator } from '../emulator/discord-emulator';

/** The configuration that points the bot at a local Discord emulator: its token, REST base, guild and channels. */
export function withLocalDiscord(config: AppConfig, emulator: DiscordEmulator): AppConfig {
  return {
    ...config,
    discord: { token: emulator.token, apiBase: emulator.apiBase, guildId: emulator.guildId },
    channels: { ladder: emulator.ladderChannelId, admin: emulator.adminChannelId },
  };
}
