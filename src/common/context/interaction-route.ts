import { BaseInteraction } from 'discord.js';
import { MessageComponentsService, ModalsService } from 'necord';

/**
 * The route of an interaction as a pattern (`/setup`, `report/:matchId/:result`), never a concrete id,
 * or undefined for a click or form no handler knows (a stale or forged custom id).
 */
export function routeOf(interaction: BaseInteraction, components: MessageComponentsService, modals: ModalsService): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const options = interaction.options;
    const path = [interaction.commandName, options.getSubcommandGroup(false), options.getSubcommand(false)].filter(Boolean).join(' ');
    return interaction.isAutocomplete() ? `/${path} (autocomplete)` : `/${path}`;
  }
  if (interaction.isMessageComponent()) return components.get(interaction.componentType, interaction.customId)?.getCustomId();
  if (interaction.isModalSubmit()) return modals.get(interaction.customId)?.getCustomId();
  if (interaction.isCommand()) return `/${interaction.commandName}`;
  return undefined;
}
