import { Injectable } from '@nestjs/common';
import { Button, ButtonContext, ComponentParam, Context, Modal, ModalContext, ModalParam, SelectedStrings, StringSelect, StringSelectContext } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { renderLeaderboard, renderPageForm } from './leaderboard.render';
import {
  LEADERBOARD_BEST_RACE,
  LEADERBOARD_COUNTRIES,
  LEADERBOARD_GO_TO,
  LEADERBOARD_NEXT,
  LEADERBOARD_PAGE_FORM,
  LEADERBOARD_PREVIOUS,
  LEADERBOARD_RANKS,
  LEADERBOARD_RACES,
} from './leaderboard.routes';
import { LeaderboardService } from './leaderboard.service';

/** Every control redraws the view from memory and the page and filters its custom id carries. */
@Injectable()
export class LeaderboardComponents {
  constructor(private readonly leaderboard: LeaderboardService) {}

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(LEADERBOARD_RACES.pattern)
  async races(@Context() [interaction]: StringSelectContext, @ComponentParam('filters') filters: string, @ComponentParam('lists') lists: string, @SelectedStrings() races: string[]) {
    await interaction.update(renderLeaderboard(this.leaderboard.races({ filters, lists }, races)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(LEADERBOARD_RANKS.pattern)
  async ranks(@Context() [interaction]: StringSelectContext, @ComponentParam('filters') filters: string, @ComponentParam('lists') lists: string, @SelectedStrings() letters: string[]) {
    await interaction.update(renderLeaderboard(this.leaderboard.letters({ filters, lists }, letters)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @StringSelect(LEADERBOARD_COUNTRIES.pattern)
  async countries(
    @Context() [interaction]: StringSelectContext,
    @ComponentParam('part') part: string,
    @ComponentParam('filters') filters: string,
    @ComponentParam('lists') lists: string,
    @SelectedStrings() countries: string[],
  ) {
    await interaction.update(renderLeaderboard(this.leaderboard.countries({ filters, lists }, part === '1' ? 1 : 2, countries)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(LEADERBOARD_PREVIOUS.pattern)
  async previous(@Context() [interaction]: ButtonContext, @ComponentParam('page') page: string, @ComponentParam('filters') filters: string, @ComponentParam('lists') lists: string) {
    await interaction.update(renderLeaderboard(this.leaderboard.show({ filters, lists }, Number(page) - 1)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(LEADERBOARD_NEXT.pattern)
  async next(@Context() [interaction]: ButtonContext, @ComponentParam('page') page: string, @ComponentParam('filters') filters: string, @ComponentParam('lists') lists: string) {
    await interaction.update(renderLeaderboard(this.leaderboard.show({ filters, lists }, Number(page) + 1)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(LEADERBOARD_BEST_RACE.pattern)
  async bestRace(@Context() [interaction]: ButtonContext, @ComponentParam('filters') filters: string, @ComponentParam('lists') lists: string) {
    await interaction.update(renderLeaderboard(this.leaderboard.toggleBestRace({ filters, lists })));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(LEADERBOARD_GO_TO.pattern)
  async goTo(@Context() [interaction]: ButtonContext, @ComponentParam('filters') filters: string, @ComponentParam('lists') lists: string) {
    await interaction.showModal(renderPageForm(this.leaderboard.show({ filters, lists }, 1)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Modal(LEADERBOARD_PAGE_FORM.pattern)
  async page(@Context() [interaction]: ModalContext, @ModalParam('filters') filters: string, @ModalParam('lists') lists: string) {
    if (!interaction.isFromMessage()) throw new InteractionRefusal('Leaderboard', 'Go to page works from a leaderboard message. Run /leaderboard again.');
    await interaction.update(renderLeaderboard(this.leaderboard.goTo({ filters, lists }, interaction.fields.getTextInputValue('page'))));
  }
}
