import { APIMessageComponent, ComponentType } from 'discord.js';
import { allComponents, customIdOf, isSelect } from '../emulator/components';
import type { DiscordEmulator, DriverUser, InteractionRecord } from '../emulator';

/** What the page sends when the person (`as`) clicks a button or chooses in a select. */
export interface ComponentAction {
  as: string;
  messageId: string;
  customId: string;
  values?: string[];
}

/** An action a Discord client would not let the person take; the page says why. */
export class RefusedSandboxAction extends Error {}

/**
 * Acts for a sandbox user as their Discord client would: only on a message they see, on a component it
 * shows and has enabled, with a choice the select accepts; then through the emulator's own click path.
 */
export function actOnComponent(emulator: DiscordEmulator, user: DriverUser, action: ComponentAction): InteractionRecord {
  const stored = emulator.state.messages.get(action.messageId);
  if (!stored || !emulator.state.sees(user.id, stored)) throw new RefusedSandboxAction(`${user.username} cannot see message ${action.messageId}`);
  const component = allComponents(stored.message.components ?? []).find((candidate) => customIdOf(candidate) === action.customId);
  if (!component) throw new RefusedSandboxAction(`the message has no component "${action.customId}"`);
  if ('disabled' in component && component.disabled) throw new RefusedSandboxAction('it is disabled');
  const values = action.values ?? [];
  checkChoice(component, values);
  return emulator.clickComponent({ userId: user.id, messageId: stored.message.id, customId: action.customId, ...(isSelect(component) && { values }) });
}

function checkChoice(component: APIMessageComponent, values: string[]): void {
  if (component.type === ComponentType.Button) {
    if (values.length > 0) throw new RefusedSandboxAction('a button takes no values');
    return;
  }
  if (!isSelect(component)) throw new RefusedSandboxAction('only buttons and selects can be used');
  const min = component.min_values ?? 1;
  const max = component.max_values ?? 1;
  if (values.length < min || values.length > max) throw new RefusedSandboxAction(`choose ${min === max ? min : `${min} to ${max}`} ${max === 1 ? 'option' : 'options'}`);
  if (new Set(values).size !== values.length) throw new RefusedSandboxAction('an option was chosen twice');
  if (component.type === ComponentType.StringSelect) {
    const offered = new Set(component.options.map((option) => option.value));
    const unknown = values.find((value) => !offered.has(value));
    if (unknown !== undefined) throw new RefusedSandboxAction(`the select offers no option "${unknown}"`);
  }
}
