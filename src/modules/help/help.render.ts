import { EmbedBuilder } from 'discord.js';

export interface CommandHelp {
  name: string;
  summary: string;
}

export const LADDER_COMMANDS: readonly CommandHelp[] = [
  { name: 'help', summary: 'What the ladder is and how to start.' },
];

export function renderHelp(termsUrl: string, commands: readonly CommandHelp[] = LADDER_COMMANDS): EmbedBuilder {
  return new EmbedBuilder()
    .setTitle('Brood War vs StarCraft II ladder')
    .setDescription(
      'A 1v1 ladder where a Brood War player meets a StarCraft II player, matched by rating and rated per race.\n' +
        `Terms of service: ${termsUrl}`,
    )
    .addFields(commands.map((command) => ({ name: `/${command.name}`, value: command.summary })));
}
