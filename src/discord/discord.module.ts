import { DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayIntentBits } from 'discord.js';
import { NecordModule } from 'necord';
import { AppConfig } from '../config/app-config';
import { DiscordStatus } from './discord-status';
import { InteractionRest } from './interaction-rest';
import { Notifier } from './notifier';
import { RestHandlerSweeper } from './rest-handler-sweeper';

export type ConnectedDiscordConfig = AppConfig['discord'] & { token: string };

@Global()
@Module({})
export class DiscordModule {
  static forRoot(discord: ConnectedDiscordConfig): DynamicModule {
    return {
      module: DiscordModule,
      imports: [
        NecordModule.forRoot({
          token: discord.token,
          intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
          rest: { api: discord.apiBase },
          // Players' text never pings: a message that means to ping someone names them itself.
          allowedMentions: { parse: [] },
          development: discord.guildId ? [discord.guildId] : false,
        }),
      ],
      providers: [DiscordStatus, InteractionRest, RestHandlerSweeper, Notifier],
      exports: [DiscordStatus, Notifier],
    };
  }
}
