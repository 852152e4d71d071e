import { Injectable, OnModuleInit } from '@nestjs/common';
import { BaseInteraction, Client, Events, MessageFlags } from 'discord.js';
import { MessageComponentsService, ModalsService } from 'necord';
import { carriesCustomId } from '../routing/carried-custom-id';
import { declaredRoute } from '../routing/custom-id-route';
import { assertRoutesDeclared } from '../routing/route-declarations';
import { renderNotice } from '../render/notice.render';
import { runInInteraction } from './current-interaction';
import { InteractionContext, InteractionKind } from './interaction-context';
import { InteractionRecorder } from './interaction-recorder';
import { intentKeyOf } from './intent-key';
import { routeOf } from './interaction-route';

/**
 * Where an interaction enters: its context is opened here, before necord routes it and before any
 * guard runs, and every listener runs inside it. Wrapping the client's emit (rather than adding one
 * more listener) scopes the context to this one event and nothing after it.
 */
@Injectable()
export class InteractionEntry implements OnModuleInit {
  constructor(
    private readonly client: Client,
    private readonly components: MessageComponentsService,
    private readonly modals: ModalsService,
    private readonly recorder: InteractionRecorder,
  ) {}

  /**
   * Necord's global modules have registered every handler by now, and the client is not logged in
   * yet: each component and modal id must be a declared route, or the bot does not go online.
   */
  onModuleInit(): void {
    const handlers = [...this.components.cache.values(), ...this.modals.cache.values()].map((discovery) => ({
      pattern: discovery.getCustomId(),
      handler: `${discovery.getClass().name}.${discovery.getHandler().name}`,
    }));
    assertRoutesDeclared(handlers);
    const emit = this.client.emit.bind(this.client) as (event: string, ...args: unknown[]) => boolean;
    this.client.emit = ((event: string, ...args: unknown[]) => {
      const [interaction] = args;
      if (event !== Events.InteractionCreate || !(interaction instanceof BaseInteraction)) return emit(event, ...args);
      return this.enter(interaction, () => emit(event, ...args));
    }) as Client['emit'];
  }

  private enter(interaction: BaseInteraction, dispatch: () => boolean): boolean {
    const route = routeOf(interaction, this.components, this.modals);
    const context = new InteractionContext(
      interaction.id,
      route ?? 'unknown',
      kindOf(interaction),
      interaction.user.id,
      interaction.user.username,
      intentKeyOf(interaction, route ?? 'unknown'),
      (outcome) => this.recorder.record(outcome),
    );
    return runInInteraction(context, () => {
      if (isStale(interaction, route)) {
        void this.refuseStale(interaction, context);
        return true;
      }
      return dispatch();
    });
  }

  private async refuseStale(interaction: BaseInteraction, context: InteractionContext): Promise<void> {
    if (interaction.isRepliable()) {
      const notice = renderNotice('refusal', 'No longer valid', 'This button or form is out of date. Run the command again.');
      await interaction.reply({ embeds: [notice], flags: MessageFlags.Ephemeral }).then(
        () => context.markAcknowledged(),
        () => (context.failed = true),
      );
    }
    context.finish();
  }
}

/**
 * A click or form whose id matches no handler, or no declared route, or breaks its route's parameter
 * rules; or a click naming a component its message does not show.
 */
function isStale(interaction: BaseInteraction, route: string | undefined): boolean {
  if (!interaction.isMessageComponent() && !interaction.isModalSubmit()) return false;
  if (interaction.isMessageComponent() && !carriesCustomId(interaction.message.components, interaction.customId)) return true;
  const declared = route === undefined ? undefined : declaredRoute(route);
  return declared?.parse(interaction.customId) === undefined;
}

function kindOf(interaction: BaseInteraction): InteractionKind {
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isMessageComponent()) return 'component';
  if (interaction.isModalSubmit()) return 'modal';
  return 'command';
}
