import {
  APIApplicationCommandOptionChoice,
  APIEmbed,
  APIMessageComponent,
  APIModalInteractionResponseCallbackData,
  APISelectMenuComponent,
  APITextInputComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { customIdOf, isSelect, locateComponents } from './components';
import type { MessageBody } from './messages';
import type { Breach, RuleName } from './violations';

export const LIMITS = {
  interactionResponseMs: 3_000,
  interactionTokenMs: 15 * 60_000,
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  v2Components: 40,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  selectOptionText: 100,
  modalTitle: 45,
  modalComponents: 5,
  modalLabel: 45,
  textInputLength: 4000,
  textInputPlaceholder: 100,
  choices: 25,
  choiceText: 100,
} as const;

type Sink = Breach[];

function breach(out: Sink, rule: RuleName, path: string, detail: string): void {
  out.push({ rule, path, detail });
}

function tooLong(out: Sink, rule: RuleName, path: string, value: string | null | undefined, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    breach(out, rule, path, `${path} is ${value.length} characters; at most ${max}`);
  }
}

function length(value: string | null | undefined): number {
  return value?.length ?? 0;
}

export function validateMessageBody(body: MessageBody, creating: boolean): Breach[] {
  const out: Sink = [];
  tooLong(out, 'content-length', 'content', body.content, LIMITS.content);
  if (body.embeds) validateEmbeds(body.embeds, out);
  if (body.components) validateComponents(body.components, ((body.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0, out);
  const empty = !body.content && !body.embeds?.length && !body.components?.length && !body.attachments?.length && !body.poll;
  if (creating && empty) breach(out, 'empty-message', 'content', 'cannot send an empty message');
  return out;
}

function validateEmbeds(embeds: APIEmbed[], out: Sink): void {
  if (embeds.length > LIMITS.embeds) breach(out, 'embed-limit', 'embeds', `${embeds.length} embeds; at most ${LIMITS.embeds}`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const path = `embeds.${i}`;
    tooLong(out, 'embed-limit', `${path}.title`, embed.title, LIMITS.embedTitle);
    tooLong(out, 'embed-limit', `${path}.description`, embed.description, LIMITS.embedDescription);
    tooLong(out, 'embed-limit', `${path}.footer.text`, embed.footer?.text, LIMITS.embedFooter);
    tooLong(out, 'embed-limit', `${path}.author.name`, embed.author?.name, LIMITS.embedAuthor);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.embedFields) {
      breach(out, 'embed-limit', `${path}.fields`, `${fields.length} fields; at most ${LIMITS.embedFields}`);
    }
    fields.forEach((field, j) => {
      tooLong(out, 'embed-limit', `${path}.fields.${j}.name`, field.name, LIMITS.embedFieldName);
      tooLong(out, 'embed-limit', `${path}.fields.${j}.value`, field.value, LIMITS.embedFieldValue);
      total += length(field.name) + length(field.value);
    });
    total += length(embed.title) + length(embed.description) + length(embed.footer?.text) + length(embed.author?.name);
  });
  if (total > LIMITS.embedTotal) {
    breach(out, 'embed-limit', 'embeds', `embeds hold ${total} characters in all; at most ${LIMITS.embedTotal}`);
  }
}

function validateComponents(components: APIMessageComponent[], componentsV2: boolean, out: Sink): void {
  const every = locateComponents(components);
  if (componentsV2) {
    if (every.length > LIMITS.v2Components) {
      breach(out, 'component-limit', 'components', `${every.length} components; at most ${LIMITS.v2Components}`);
    }
  } else {
    if (components.length > LIMITS.actionRows) {
      breach(out, 'component-limit', 'components', `${components.length} action rows; at most ${LIMITS.actionRows}`);
    }
    components.forEach((c, i) => {
      if (c.type !== ComponentType.ActionRow) {
        breach(out, 'component-limit', `components.${i}`, `top-level component of type ${c.type} needs the IsComponentsV2 flag`);
      }
    });
  }
  const seen = new Set<string>();
  every.forEach(({ component: c, path }) => {
    if (c.type === ComponentType.ActionRow) validateRow(c.components, path, out);
    if (c.type === ComponentType.Button) validateButton(c, path, out);
    if (isSelect(c)) validateSelect(c, path, out);
    const customId = customIdOf(c);
    if (customId === undefined) return;
    validateCustomId(customId, `${path}.custom_id`, out);
    if (seen.has(customId)) breach(out, 'duplicate-custom-id', `${path}.custom_id`, `custom_id "${customId}" is used twice`);
    seen.add(customId);
  });
}

function validateRow(children: APIMessageComponent[], path: string, out: Sink): void {
  const selects = children.filter(isSelect).length;
  if (selects > 0 && children.length > 1) {
    breach(out, 'component-limit', path, 'an action row with a select menu holds nothing else');
  } else if (children.length < 1 || children.length > LIMITS.rowButtons) {
    breach(out, 'component-limit', path, `${children.length} buttons in a row; 1 to ${LIMITS.rowButtons}`);
  }
}

function validateButton(button: APIMessageComponent & { type: ComponentType.Button }, path: string, out: Sink): void {
  if ('label' in button) tooLong(out, 'component-limit', `${path}.label`, button.label, LIMITS.buttonLabel);
  if (button.style === ButtonStyle.Link && !('url' in button && button.url)) {
    breach(out, 'component-limit', `${path}.url`, 'a link button needs a url');
  }
  if (button.style !== ButtonStyle.Link && button.style !== ButtonStyle.Premium && !('custom_id' in button)) {
    breach(out, 'custom-id-length', `${path}.custom_id`, 'a button needs a custom_id');
  }
}

function validateSelect(select: APISelectMenuComponent, path: string, out: Sink): void {
  tooLong(out, 'select-limit', `${path}.placeholder`, select.placeholder, LIMITS.selectPlaceholder);
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if (min < 0 || min > LIMITS.selectOptions || max < 1 || max > LIMITS.selectOptions || min > max) {
    breach(out, 'select-limit', path, `min_values ${min} / max_values ${max} out of range`);
  }
  if (select.type !== ComponentType.StringSelect) return;
  const options = select.options ?? [];
  if (options.length < 1 || options.length > LIMITS.selectOptions) {
    breach(out, 'select-limit', `${path}.options`, `${options.length} options; 1 to ${LIMITS.selectOptions}`);
  }
  if (max > options.length) {
    breach(out, 'select-limit', `${path}.max_values`, `max_values ${max} exceeds the ${options.length} options`);
  }
  options.forEach((option, j) => {
    tooLong(out, 'select-limit', `${path}.options.${j}.label`, option.label, LIMITS.selectOptionText);
    tooLong(out, 'select-limit', `${path}.options.${j}.value`, option.value, LIMITS.selectOptionText);
    tooLong(out, 'select-limit', `${path}.options.${j}.description`, option.description, LIMITS.selectOptionText);
  });
}

function validateCustomId(customId: unknown, path: string, out: Sink): void {
  if (typeof customId !== 'string' || customId.length < 1 || customId.length > LIMITS.customId) {
    const size = typeof customId === 'string' ? `${customId.length} characters` : 'missing';
    breach(out, 'custom-id-length', path, `custom_id is ${size}; 1 to ${LIMITS.customId}`);
  }
}

/** The text inputs of a modal, whether in legacy action rows or in label components. */
function modalTextInputs(modal: APIModalInteractionResponseCallbackData): { label: string; input: APITextInputComponent }[] {
  return modal.components.flatMap((c) => {
    if (c.type === ComponentType.ActionRow) return c.components.map((input) => ({ label: input.label ?? '', input }));
    if (c.type === ComponentType.Label && c.component.type === ComponentType.TextInput) {
      return [{ label: c.label, input: c.component }];
    }
    return [];
  });
}

export function validateModal(modal: APIModalInteractionResponseCallbackData): Breach[] {
  const out: Sink = [];
  validateCustomId(modal.custom_id, 'custom_id', out);
  if (!modal.title || modal.title.length > LIMITS.modalTitle) {
    breach(out, 'modal-limit', 'title', `title is ${length(modal.title)} characters; 1 to ${LIMITS.modalTitle}`);
  }
  const count = modal.components?.length ?? 0;
  if (count < 1 || count > LIMITS.modalComponents) {
    breach(out, 'modal-limit', 'components', `${count} components; 1 to ${LIMITS.modalComponents}`);
  }
  modal.components?.forEach((c, i) => {
    if (c.type === ComponentType.Label) {
      tooLong(out, 'modal-limit', `components.${i}.label`, c.label, LIMITS.modalLabel);
      if (c.component.type !== ComponentType.TextInput) {
        validateCustomId(c.component.custom_id, `components.${i}.component.custom_id`, out);
      }
    }
    if (c.type === ComponentType.ActionRow && c.components.length !== 1) {
      breach(out, 'modal-limit', `components.${i}`, 'a modal action row holds exactly one text input');
    }
  });
  modalTextInputs(modal).forEach(({ input }, i) => validateTextInput(input, `text_inputs.${i}`, out));
  return out;
}

function validateTextInput(input: APITextInputComponent, path: string, out: Sink): void {
  validateCustomId(input.custom_id, `${path}.custom_id`, out);
  tooLong(out, 'modal-limit', `${path}.label`, input.label, LIMITS.modalLabel);
  tooLong(out, 'modal-limit', `${path}.placeholder`, input.placeholder, LIMITS.textInputPlaceholder);
  const min = input.min_length ?? 0;
  const max = input.max_length ?? LIMITS.textInputLength;
  if (min < 0 || min > LIMITS.textInputLength || max < 1 || max > LIMITS.textInputLength || min > max) {
    breach(out, 'modal-limit', path, `min_length ${min} / max_length ${max} out of range`);
  }
  tooLong(out, 'modal-limit', `${path}.value`, input.value, max);
}

export function validateChoices(choices: APIApplicationCommandOptionChoice[] | undefined): Breach[] {
  const out: Sink = [];
  const list = choices ?? [];
  if (list.length > LIMITS.choices) breach(out, 'autocomplete-limit', 'choices', `${list.length} choices; at most ${LIMITS.choices}`);
  list.forEach((choice, i) => {
    if (!choice.name || choice.name.length > LIMITS.choiceText) {
      const detail = `choice name is ${length(choice.name)} characters; 1 to ${LIMITS.choiceText}`;
      breach(out, 'autocomplete-limit', `choices.${i}.name`, detail);
    }
    if (typeof choice.value === 'string') tooLong(out, 'autocomplete-limit', `choices.${i}.value`, choice.value, LIMITS.choiceText);
  });
  return out;
}
