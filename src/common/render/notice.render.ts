import { EmbedBuilder } from 'discord.js';

const COLOURS = { refusal: 0xf0b232, error: 0xda373c } as const;

/** A short ephemeral notice: a refusal, or an error with its reference. */
export function renderNotice(tone: keyof typeof COLOURS, title: string, detail: string): EmbedBuilder {
  return new EmbedBuilder().setColor(COLOURS[tone]).setTitle(title).setDescription(detail);
}
