/**
 * A clear "no" to the person who interacted (not an error of the bot): a guard's refusal, a stale
 * button, a bad value. The filter shows it as an ephemeral message and logs nothing.
 */
export class InteractionRefusal extends Error {
  constructor(
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${title}: ${detail}`);
    this.name = 'InteractionRefusal';
  }
}
