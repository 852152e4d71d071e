import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { GatewayIntentBits } from 'discord.js';
import { NecordModule } from 'necord';
import { AppConfig } from '../config/app-config';
import { DiscordStatus } from './discord-status';

@Global()
@Module({})
export class DiscordModule {
  static forRoot(discord: AppConfig['discord']): DynamicModule {
    const providers = [DiscordStatus];
    if (!discord.token) {
      new Logger(DiscordModule.name).warn(
        'Discord is off: DISCORD_TOKEN is not set. HTTP and the database still run; set DISCORD_TOKEN to a bot token to connect to Discord.',
      );
      return { module: DiscordModule, providers, exports: providers };
    }
    return {
      module: DiscordModule,
      imports: [
        NecordModule.forRoot({
          token: discord.token,
          intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
          rest: { api: discord.apiBase },
          development: discord.guildId ? [discord.guildId] : false,
        }),
      ],
      providers,
      exports: providers,
    };
  }
}
