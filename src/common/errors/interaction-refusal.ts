import type { RefusalMessage } from '../player-status/terms-prompt';

/**
 * A clear "no" to the person who interacted (not an error of the bot): a guard's refusal, a stale
 * button, a bad value. The filter shows it as an ephemeral message and logs nothing; `shows`, when
 * given, is that message (the terms with Accept), else a notice of `title` and `detail`.
 */
export class InteractionRefusal extends Error {
  constructor(
    readonly title: string,
    readonly detail: string,
    readonly shows?: RefusalMessage,
  ) {
    super(`${title}: ${detail}`);
    this.name = 'InteractionRefusal';
  }
}
