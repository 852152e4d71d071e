import { Injectable } from '@nestjs/common';
import { MessageComponentInteraction } from 'discord.js';
import { Button, ButtonContext, ComponentParam, Context, Modal, ModalContext, SelectedStrings, StringSelect, StringSelectContext } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { SetupDraft } from './domain/setup-draft';
import { identityOf } from './player-identity';
import { SETUP_CANCEL, SETUP_CONFIRM, SETUP_COUNTRY, SETUP_COUNTRY_KEEP, SETUP_FORM, SETUP_REGION, SETUP_REOPEN } from './players.routes';
import { readDraft, renderSetupCancelled, renderSetupModal, renderSetupStep } from './setup.render';
import { SetupService } from './setup.service';

/** The draft this setup message carries; a message without one is out of date. */
function draftOf(interaction: MessageComponentInteraction): SetupDraft {
  const draft = readDraft(interaction.message.embeds[0]?.toJSON());
  if (!draft) throw new InteractionRefusal('Setup out of date', 'This setup message holds no draft. Run /setup again.');
  return draft;
}

@Injectable()
export class SetupComponents {
  constructor(private readonly setup: SetupService) {}

  @RequirePlayer()
  @Modal(SETUP_FORM.pattern)
  async submitted(@Context() [interaction]: ModalContext) {
    const field = (id: string) => interaction.fields.getTextInputValue(id) ?? '';
    const previous = interaction.isFromMessage() ? readDraft(interaction.message.embeds[0]?.toJSON()) : undefined;
    const input = { userId: field('userId'), battletag: field('battletag'), alt1: field('alt1'), alt2: field('alt2') };
    await interaction.editReply(renderSetupStep(this.setup.submitForm(interaction.user.id, input, previous)));
  }

  /** "Try again" after an error and "Restart" from the preview reopen the form with the draft. */
  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETUP_REOPEN.pattern)
  async reopen(@Context() [interaction]: ButtonContext) {
    await interaction.showModal(renderSetupModal(draftOf(interaction)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(SETUP_COUNTRY.pattern)
  async country(@Context() [interaction]: StringSelectContext, @SelectedStrings() [code]: string[]) {
    await interaction.update(renderSetupStep(this.setup.chooseCountry(draftOf(interaction), code)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETUP_COUNTRY_KEEP.pattern)
  async keepCountry(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderSetupStep(this.setup.keepCountry(draftOf(interaction))));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(SETUP_REGION.pattern)
  async region(@Context() [interaction]: StringSelectContext, @SelectedStrings() [code]: string[]) {
    await interaction.update(renderSetupStep(this.setup.chooseRegion(interaction.user.id, draftOf(interaction), code)));
  }

  @RequirePlayer()
  @DisableOnClick()
  @Button(SETUP_CONFIRM.pattern)
  async confirm(@Context() [interaction]: ButtonContext, @ComponentParam('rev') rev: string, @IntentKey() intentKey: string) {
    await interaction.editReply(renderSetupStep(await this.setup.complete(identityOf(interaction.user), draftOf(interaction), Number(rev), intentKey)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETUP_CANCEL.pattern)
  async cancel(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderSetupCancelled());
  }
}
