import { Injectable } from '@nestjs/common';
import { RefusalMessage, TermsPromptProvider } from '../../common/player-status/terms-prompt';
import { renderTerms } from './terms.render';
import { TermsService } from './terms.service';

/** What a command that needs the terms shows a person who has not accepted them: the terms, with Accept. */
@Injectable()
export class TermsPrompt implements TermsPromptProvider {
  constructor(private readonly terms: TermsService) {}

  termsPromptFor(discordId: string): RefusalMessage {
    return renderTerms(this.terms.viewFor(discordId), 'That command needs the terms accepted first.');
  }
}
