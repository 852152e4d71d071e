import { BaseInteraction } from 'discord.js';

/**
 * Repeats of one intent share a key: the same button or form on the same message by the same person.
 * A mutating custom id carries the precondition it acts on (a revision), so "I won", "I lost", "I won"
 * on one message are three ids and three intents, while a double click is one. A command is an
 * intent of its own (ARCHITECTURE.md, idempotency).
 */
export function intentKeyOf(interaction: BaseInteraction, route: string): string {
  if (interaction.isAnySelectMenu()) return `${interaction.customId}=${[...interaction.values].sort().join(',')}:${interaction.message.id}:${interaction.user.id}`;
  if (interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage())) {
    return `${interaction.customId}:${interaction.message?.id}:${interaction.user.id}`;
  }
  return `${route}:${interaction.id}`;
}
