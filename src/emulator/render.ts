import {
  APIButtonComponent,
  APIEmbed,
  APIMessage,
  APIMessageComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { isSelect } from './components';

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function renderEmbed(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.author?.name) lines.push(embed.author.name);
  if (embed.title) lines.push(embed.title);
  if (embed.description) lines.push(embed.description);
  for (const field of embed.fields ?? []) lines.push(`${field.name}: ${field.value}`);
  if (embed.footer?.text) lines.push(embed.footer.text);
  return indent(lines.join('\n'), '| ');
}

export function buttonLabel(button: APIButtonComponent): string {
  return 'label' in button ? (button.label ?? button.emoji?.name ?? '') : '';
}

function renderComponent(component: APIMessageComponent): string {
  const disabled = 'disabled' in component && component.disabled ? ' (disabled)' : '';
  if (component.type === ComponentType.Button) {
    const link = component.style === ButtonStyle.Link ? ` -> ${component.url}` : '';
    return `[${buttonLabel(component)}${disabled}${link}]`;
  }
  if (isSelect(component)) {
    const options = component.type === ComponentType.StringSelect ? `: ${component.options.map((o) => o.label).join(' | ')}` : '';
    return `<${component.placeholder ?? 'select'}${options}${disabled}>`;
  }
  switch (component.type) {
    case ComponentType.ActionRow:
      return component.components.map(renderComponent).join(' ');
    case ComponentType.Section:
      return [...component.components.map(renderComponent), renderComponent(component.accessory)].filter(Boolean).join('\n');
    case ComponentType.Container:
      return indent(component.components.map(renderComponent).filter(Boolean).join('\n'), '| ');
    case ComponentType.TextDisplay:
      return component.content;
    default:
      return '';
  }
}

/** One readable block: content, embeds (title, description, fields, footer), then components with their state. */
export function renderMessage(message: APIMessage): string {
  const parts: string[] = [];
  if (((message.flags ?? 0) & MessageFlags.Loading) !== 0) parts.push('(thinking...)');
  if (message.content) parts.push(message.content);
  for (const embed of message.embeds) parts.push(renderEmbed(embed));
  for (const component of message.components ?? []) {
    const text = renderComponent(component);
    if (text) parts.push(text);
  }
  return parts.join('\n');
}
