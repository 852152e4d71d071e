import type { InteractionReplyOptions } from 'discord.js';

/** A message a refusal shows in place of its notice, so the person can act on it right there. */
export type RefusalMessage = Required<Pick<InteractionReplyOptions, 'embeds' | 'components'>>;

/** The terms with Accept, for a person whose first command needs them accepted. */
export interface TermsPromptProvider {
  termsPromptFor(discordId: string): RefusalMessage;
}

/** Injection token: the players module provides it; common knows no feature module. */
export const TERMS_PROMPT = Symbol('TERMS_PROMPT');
