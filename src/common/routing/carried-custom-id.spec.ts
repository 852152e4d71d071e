import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ContainerBuilder, SectionBuilder, StringSelectMenuBuilder, TextDisplayBuilder } from 'discord.js';
import { carriesCustomId } from './carried-custom-id';

describe('whether a message carries the clicked custom id', () => {
  const rows = [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('report/choose/1/won').setLabel('I won').setStyle(ButtonStyle.Success),
      new ButtonBuilder().setLabel('Read').setURL('https://example.com').setStyle(ButtonStyle.Link),
    ),
    new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(new StringSelectMenuBuilder().setCustomId('queue/bw/x').addOptions({ label: 'Zerg', value: 'bw_zerg' })),
  ];

  it('finds buttons and selects in action rows', () => {
    expect(carriesCustomId(rows, 'report/choose/1/won')).toBe(true);
    expect(carriesCustomId(rows, 'queue/bw/x')).toBe(true);
  });

  it('refuses an id the message does not show, a prefix of one, or one of another message', () => {
    expect(carriesCustomId(rows, 'report/choose/2/won')).toBe(false);
    expect(carriesCustomId(rows, 'report/choose/1')).toBe(false);
    expect(carriesCustomId(rows, 'terms/accept/1/0')).toBe(false);
    expect(carriesCustomId([], 'report/choose/1/won')).toBe(false);
  });

  it('looks inside containers and section accessories', () => {
    const container = new ContainerBuilder().addSectionComponents(
      new SectionBuilder().addTextDisplayComponents(new TextDisplayBuilder().setContent('x')).setButtonAccessory(new ButtonBuilder().setCustomId('deep/1').setLabel('Go').setStyle(ButtonStyle.Primary)),
    );
    expect(carriesCustomId([container], 'deep/1')).toBe(true);
    expect(carriesCustomId([container], 'deep/2')).toBe(false);
  });
});
