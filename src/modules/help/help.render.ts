import { EmbedBuilder } from 'discord.js';
import { ADMIN_SUBCOMMANDS } from '../admin/admin-subcommands';

export interface CommandHelp {
  name: string;
  summary: string;
}

export const LADDER_COMMANDS: readonly CommandHelp[] = [
  { name: 'termsofservice', summary: 'Read and accept the terms: the first step.' },
  { name: 'setup', summary: 'Create or edit your profile: name, BattleTag, alts, country, region.' },
  { name: 'setcountry', summary: 'Change the country you represent (every country, searchable).' },
  { name: 'queue', summary: 'Choose a race per game and up to 4 map vetoes, and search for a match: the DM tells you when it is found.' },
  { name: 'profile', summary: 'Your profile, or another player\'s: ratings and record per race, the last 14 / 30 / 90 days.' },
  { name: 'history', summary: 'Your recent matches, or another player\'s, newest first.' },
  { name: 'leaderboard', summary: 'The ranked ladder across all races, with letter ranks: filter by race, rank and country, or each player\'s best race.' },
  { name: 'help', summary: 'What the ladder is and how to start.' },
];

/** The help; `admin` adds the admin section (each /admin subcommand, its options and what it does). */
export function renderHelp(termsUrl: string, admin = false, commands: readonly CommandHelp[] = LADDER_COMMANDS): EmbedBuilder {
  const embed = new EmbedBuilder()
    .setTitle('Brood War vs StarCraft II ladder')
    .setDescription(
      'A 1v1 ladder where a Brood War player meets a StarCraft II player, matched by rating and rated per race.\n' +
        `Terms of service: ${termsUrl}`,
    )
    .addFields(commands.map((command) => ({ name: `/${command.name}`, value: command.summary })));
  if (admin) {
    embed.addFields(
      { name: 'Admin', value: 'Every admin action asks for a reason, shows a preview, and is written with its audit row once you Confirm.' },
      ...ADMIN_SUBCOMMANDS.map((subcommand) => ({ name: `/admin ${subcommand.name} (${subcommand.options})`, value: subcommand.description })),
    );
  }
  return embed;
}
