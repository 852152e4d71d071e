import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PLAYER_REQUIREMENTS, PlayerRequirements } from '../player-status/player-requirements';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { PLAYER_STATUS, PlayerStatusProvider } from '../player-status/player-status';
import { TERMS_PROMPT, TermsPromptProvider } from '../player-status/terms-prompt';
import { interactionOf } from './interaction-of';
import { refusalFor } from './player-refusal';

/** Answers from memory; never touches the database. A person who has not accepted the terms is shown them. */
@Injectable()
export class PlayerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PLAYER_STATUS) private readonly players: PlayerStatusProvider,
    @Inject(TERMS_PROMPT) private readonly termsPrompt: TermsPromptProvider,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const interaction = interactionOf(context);
    if (!interaction) return true;
    const requirements = this.reflector.getAllAndOverride<PlayerRequirements>(PLAYER_REQUIREMENTS, [context.getHandler(), context.getClass()]) ?? {};
    const refusal = refusalFor(this.players.statusOf(interaction.user.id), requirements);
    if (!refusal) return true;
    throw new InteractionRefusal(refusal.title, refusal.detail, refusal.showTerms && this.termsPrompt.termsPromptFor(interaction.user.id));
  }
}
