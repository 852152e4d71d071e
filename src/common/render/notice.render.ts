import { EmbedBuilder } from 'discord.js';

const COLOURS = { refusal: 0xf0b232, error: 0xda373c, info: 0x5865f2 } as const;

/** A short ephemeral notice: a refusal, an error with its reference, or plain information. */
export function renderNotice(tone: keyof typeof COLOURS, title: string, detail: string): EmbedBuilder {
  return new EmbedBuilder().setColor(COLOURS[tone]).setTitle(title).setDescription(detail);
}
