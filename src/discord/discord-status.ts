import { Injectable } from '@nestjs/common';
import { Client, Status } from 'discord.js';

export type DiscordState = 'ready' | 'connecting' | 'disconnected';

/** The gateway connection's state, as readiness reports it. */
@Injectable()
export class DiscordStatus {
  constructor(private readonly client: Client) {}

  state(): DiscordState {
    if (this.client.isReady() && this.client.ws.status === Status.Ready) return 'ready';
    return this.client.ws.status === Status.Disconnected ? 'disconnected' : 'connecting';
  }
}
