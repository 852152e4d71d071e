import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ComponentType, StringSelectMenuBuilder } from 'discord.js';
import { disabledComponents, PROCESSING_LABEL } from './disabled-components';


describe('disabledComponents', () => {
  const rows = [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('terms/accept').setLabel('Accept').setStyle(ButtonStyle.Success),
      new ButtonBuilder().setCustomId('terms/decline').setLabel('Decline').setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setURL('https://example.org/terms').setLabel('Read the terms').setStyle(ButtonStyle.Link),
    ),
    new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
      new StringSelectMenuBuilder().setCustomId('setup/country').addOptions({ label: 'Korea', value: 'KR' }),
    ),
  ];

  it('disables every component of every row', () => {
    const result = disabledComponents(rows, 'terms/accept');
    expect(result.flatMap((row) => row.components.map((component) => component.disabled))).toEqual([true, true, true, true]);
    expect(result.map((row) => row.type)).toEqual([ComponentType.ActionRow, ComponentType.ActionRow]);
  });

  it('shows the clicked button at work and leaves the other labels alone', () => {
    const [buttons] = disabledComponents(rows, 'terms/accept');
    expect(buttons.components.map((component) => ('label' in component ? component.label : undefined))).toEqual([PROCESSING_LABEL, 'Decline', 'Read the terms']);
  });

  it('changes no label when the click came from a select', () => {
    const [buttons] = disabledComponents(rows, 'setup/country');
    expect(buttons.components.map((component) => ('label' in component ? component.label : undefined))).toEqual(['Accept', 'Decline', 'Read the terms']);
  });
});
