import type { APIButtonComponent, APIEmbed, APIMessageComponent, APISelectMenuComponent } from 'discord.js';
import type { SandboxMessage } from '../sandbox-view';
import { discordText, NameOf } from './discord-text';

/** What the person does with a message's components, sent to the sandbox server as the chosen user. */
export interface MessageActions {
  click(message: SandboxMessage, customId: string): void;
  choose(message: SandboxMessage, customId: string, values: string[]): void;
}

// discord-api-types' numeric enums, spelled out: the page bundles no runtime code from discord.js.
const BUTTON = 2;
const STRING_SELECT = 3;
const LINK_STYLE = 5;
const BUTTON_TYPES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'destructive' };

function element(tag: string, attributes: Record<string, string | boolean | undefined> = {}, ...children: Array<Node | string>): HTMLElement {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) created.setAttribute(name, '');
    else if (typeof value === 'string') created.setAttribute(name, value);
  }
  created.append(...children);
  return created;
}

const colour = (value: number | undefined) => (value === undefined ? undefined : `#${value.toString(16).padStart(6, '0')}`);

function renderEmbed(embed: APIEmbed, nameOf: NameOf): HTMLElement {
  const rendered = element('discord-embed', { slot: 'embeds', color: colour(embed.color), 'embed-title': embed.title, url: embed.url, 'author-name': embed.author?.name });
  if (embed.description) rendered.append(element('discord-embed-description', { slot: 'description' }, discordText(embed.description, nameOf)));
  if (embed.fields?.length) {
    rendered.append(
      element(
        'discord-embed-fields',
        { slot: 'fields' },
        ...embed.fields.map((field) => element('discord-embed-field', { 'field-title': field.name, inline: field.inline === true }, discordText(field.value, nameOf))),
      ),
    );
  }
  if (embed.footer?.text) rendered.append(element('discord-embed-footer', { slot: 'footer', timestamp: embed.timestamp }, embed.footer.text));
  return rendered;
}

function renderButton(message: SandboxMessage, button: APIButtonComponent, actions: MessageActions): HTMLElement {
  const label = ('label' in button && button.label) || '';
  const emoji = ('emoji' in button && button.emoji?.name) || undefined;
  if (button.style === LINK_STYLE && 'url' in button) return element('discord-button', { url: button.url, emoji, disabled: button.disabled === true }, label);
  const rendered = element('discord-button', { type: BUTTON_TYPES[button.style] ?? 'secondary', emoji, disabled: button.disabled === true }, label);
  if ('custom_id' in button && !button.disabled) {
    const customId = button.custom_id;
    rendered.dataset.customId = customId;
    rendered.addEventListener('click', () => actions.click(message, customId));
  }
  return rendered;
}

/**
 * A select as Discord draws it. One choice is sent at once; a select taking several collects them,
 * ticked, until the person presses Choose, as Discord sends a multi-select when its menu closes.
 */
function renderSelect(message: SandboxMessage, select: APISelectMenuComponent, actions: MessageActions): HTMLElement {
  const wrapper = element('div', { class: 'sandbox-select' });
  if (select.type !== STRING_SELECT) {
    wrapper.append(element('discord-string-select-menu', { placeholder: `${select.placeholder ?? 'Select'} (not available in the sandbox)`, disabled: true }));
    return wrapper;
  }
  const max = select.max_values ?? 1;
  const min = select.min_values ?? 1;
  const initial = select.options.filter((option) => option.default).map((option) => option.value);
  const picked = new Set(initial);
  const menu = element('discord-string-select-menu', { placeholder: select.placeholder ?? 'Make a selection', disabled: select.disabled === true });
  menu.dataset.customId = select.custom_id;
  const apply = element('button', { class: 'sandbox-apply', type: 'button' });
  // As Discord, a menu closed on the choice it opened with sends nothing.
  const unchanged = () => picked.size === initial.length && initial.every((value) => picked.has(value));
  const refresh = () => {
    apply.textContent = picked.size === 0 ? 'Choose none' : `Choose ${picked.size}`;
    (apply as HTMLButtonElement).disabled = unchanged() || picked.size < min || picked.size > max;
  };
  for (const option of select.options) {
    const rendered: HTMLElement & { selectOption?: () => void } = element('discord-string-select-menu-option', { label: option.label, description: option.description, emoji: option.emoji?.name, value: option.value });
    rendered.toggleAttribute('data-picked', picked.has(option.value));
    // The component calls this once per pick (a click on its label also clicks its hidden checkbox).
    rendered.selectOption = () => {
      if (select.disabled) return;
      if (max === 1) return actions.choose(message, select.custom_id, [option.value]);
      if (picked.has(option.value)) picked.delete(option.value);
      else if (picked.size < max) picked.add(option.value);
      rendered.toggleAttribute('data-picked', picked.has(option.value));
      refresh();
    };
    menu.append(rendered);
  }
  wrapper.append(menu);
  if (max > 1 && !select.disabled) {
    apply.addEventListener('click', () => actions.choose(message, select.custom_id, [...picked]));
    refresh();
    wrapper.append(apply, element('span', { class: 'sandbox-hint' }, `up to ${max}`));
  }
  return wrapper;
}

function renderComponent(message: SandboxMessage, component: APIMessageComponent, actions: MessageActions): HTMLElement | undefined {
  if (component.type === BUTTON) return renderButton(message, component as APIButtonComponent, actions);
  if ('options' in component || 'placeholder' in component) return renderSelect(message, component as APISelectMenuComponent, actions);
  return undefined;
}

/** A message's time as Discord shows it beside the author: "Today at 09:55", else the date and time. */
function shownTime(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date().toDateString() ? `Today at ${time}` : `${at.toLocaleDateString('en')} ${time}`;
}

export function renderMessage(message: SandboxMessage, nameOf: NameOf, actions: MessageActions, avatarOf: (userId: string) => string): HTMLElement {
  const rendered = element('discord-message', {
    author: message.author.username,
    avatar: avatarOf(message.author.id),
    bot: message.author.bot,
    ephemeral: message.onlyYou,
    edited: message.editedAt !== null,
    timestamp: shownTime(message.createdAt),
  });
  rendered.id = `message-${message.id}`;
  rendered.append(discordText(message.content, nameOf));
  message.embeds.forEach((embed) => rendered.append(renderEmbed(embed, nameOf)));
  if (message.components.length > 0) {
    const rows = message.components.map((row) =>
      element('discord-action-row', {}, ...row.components.flatMap((component) => renderComponent(message, component as APIMessageComponent, actions) ?? [])),
    );
    rendered.append(element('discord-attachments', { slot: 'components' }, ...rows));
  }
  return rendered;
}
