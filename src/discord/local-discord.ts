import { Client } from 'discord.js';
import { AppConfig } from '../config/app-config';
import { DiscordEmulator } from '../emulator/discord-emulator';
import { waitUntil } from '../emulator/wait-until';

/** The configuration that points the bot at a local Discord emulator: its token, REST base, guild and channels. */
export function withLocalDiscord(config: AppConfig, emulator: DiscordEmulator): AppConfig {
  return {
    ...config,
    discord: { ...config.discord, token: emulator.token, apiBase: emulator.apiBase, guildId: emulator.guildId },
    channels: { ladder: emulator.ladderChannelId, admin: emulator.adminChannelId },
  };
}

/** Resolves once the bot's client is ready on the emulator and its commands are registered there. */
export function untilConnected(client: Client, emulator: DiscordEmulator, timeoutMs = 30_000): Promise<void> {
  return waitUntil('the bot to connect to the emulator and register its commands', () => client.isReady() && emulator.commands.list(emulator.guildId).length > 0, timeoutMs);
}
