import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';

/** Edits one player's searching message; Discord lets an interaction's reply be edited for 15 minutes. */
export type SearchingMessage = (payload: { embeds: unknown[]; components: unknown[] }) => Promise<unknown>;

const EDITABLE_MS = 14 * 60 * 1000;

/**
 * The message each queued player searches from, while Discord still lets the bot edit it, so a match
 * found says so there too. Memory only: after a restart the DM alone tells them.
 */
@Injectable()
export class SearchingMessages {
  private readonly messages = new Map<string, { edit: SearchingMessage; at: number }>();

  constructor(private readonly clock: Clock) {}

  remember(discordId: string, edit: SearchingMessage): void {
    this.messages.set(discordId, { edit, at: this.clock.now().getTime() });
  }

  forget(discordId: string): void {
    this.messages.delete(discordId);
  }

  /** The player's searching message, taken: undefined when there is none or it can no longer be edited. */
  take(discordId: string): SearchingMessage | undefined {
    const message = this.messages.get(discordId);
    this.messages.delete(discordId);
    if (!message || this.clock.now().getTime() - message.at > EDITABLE_MS) return undefined;
    return message.edit;
  }
}
