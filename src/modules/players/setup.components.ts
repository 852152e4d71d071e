import { Injectable } from '@nestjs/common';
import { MessageComponentInteraction } from 'discord.js';
import { Button, ButtonContext, Context, Modal, ModalContext, SelectedStrings, StringSelect, StringSelectContext } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { SetupDraft } from './domain/setup-draft';
import { identityOf } from './player-identity';
import { SETUP_CANCEL, SETUP_CONFIRM, SETUP_COUNTRY, SETUP_COUNTRY_KEEP, SETUP_FORM, SETUP_REGION, SETUP_REOPEN } from './players.routes';
import {
  readDraft,
  renderCountryStep,
  renderRegionStep,
  renderSetupCancelled,
  renderSetupDone,
  renderSetupErrors,
  renderSetupModal,
  renderSetupPreview,
} from './setup.render';
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
    // Country and region carry over from the message's draft, or from the saved profile.
    const previous = (interaction.isFromMessage() && readDraft(interaction.message.embeds[0]?.toJSON())) || this.setup.draftFor(interaction.user.id);
    const result = this.setup.submitForm({ userId: field('userId'), battletag: field('battletag'), alt1: field('alt1'), alt2: field('alt2'), country: previous.country, region: previous.region });
    await interaction.editReply(
      result.ok ? renderCountryStep(result.draft, this.setup.commonCountries(), this.setup.currentCountry(result.draft)) : renderSetupErrors(result.draft, result.errors),
    );
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETUP_REOPEN.pattern)
  async reopen(@Context() [interaction]: ButtonContext) {
    await interaction.showModal(renderSetupModal(draftOf(interaction)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETUP_COUNTRY_KEEP.pattern)
  async keepCountry(@Context() [interaction]: ButtonContext) {
    const draft = this.setup.keepCountry(draftOf(interaction));
    await interaction.update(renderRegionStep(draft, this.setup.countries(), this.setup.regions()));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(SETUP_COUNTRY.pattern)
  async country(@Context() [interaction]: StringSelectContext, @SelectedStrings() [code]: string[]) {
    const draft = this.setup.chooseCountry(draftOf(interaction), code);
    await interaction.update(renderRegionStep(draft, this.setup.countries(), this.setup.regions()));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(SETUP_REGION.pattern)
  async region(@Context() [interaction]: StringSelectContext, @SelectedStrings() [code]: string[]) {
    const draft = this.setup.chooseRegion(draftOf(interaction), code);
    await interaction.update(renderSetupPreview(draft, this.setup.countries(), this.setup.regionsByCode()));
  }

  @RequirePlayer()
  @DisableOnClick()
  @Button(SETUP_CONFIRM.pattern)
  async confirm(@Context() [interaction]: ButtonContext, @IntentKey() intentKey: string) {
    const draft = await this.setup.complete(identityOf(interaction.user), draftOf(interaction), intentKey);
    await interaction.editReply(renderSetupDone(draft, this.setup.countries(), this.setup.regionsByCode()));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETUP_CANCEL.pattern)
  async cancel(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderSetupCancelled());
  }
}
