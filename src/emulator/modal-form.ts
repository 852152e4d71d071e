import {
  APIModalInteractionResponseCallbackData,
  APIModalSubmissionComponent,
  APIModalSubmitTextInputComponent,
  APIStringSelectComponent,
  APITextInputComponent,
  ComponentType,
} from 'discord.js';

export interface ModalField {
  label: string;
  customId: string;
  type: ComponentType.TextInput | ComponentType.StringSelect;
  /** the pre-filled text of a text input */
  value: string;
  /** the pre-selected values of a select */
  values: string[];
  required: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  options?: { label: string; value: string }[];
}

export interface OpenModal {
  title: string;
  customId: string;
  fields: ModalField[];
}

export type ModalAnswers = Record<string, string | string[]>;

function textField(label: string, input: APITextInputComponent): ModalField {
  return {
    label,
    customId: input.custom_id,
    type: ComponentType.TextInput,
    value: input.value ?? '',
    values: [],
    required: input.required ?? true,
    minLength: input.min_length,
    maxLength: input.max_length,
    placeholder: input.placeholder,
  };
}

function selectField(label: string, select: APIStringSelectComponent): ModalField {
  return {
    label,
    customId: select.custom_id,
    type: ComponentType.StringSelect,
    value: '',
    values: select.options.filter((o) => o.default).map((o) => o.value),
    required: select.required ?? true,
    placeholder: select.placeholder,
    options: select.options.map((o) => ({ label: o.label, value: o.value })),
  };
}

/** The fields a person sees in the modal, with what is pre-filled. */
export function describeModal(modal: APIModalInteractionResponseCallbackData): OpenModal {
  const fields = modal.components.flatMap((c): ModalField[] => {
    if (c.type === ComponentType.ActionRow) return c.components.map((input) => textField(input.label ?? '', input));
    if (c.type !== ComponentType.Label) return [];
    if (c.component.type === ComponentType.TextInput) return [textField(c.label, c.component)];
    if (c.component.type === ComponentType.StringSelect) return [selectField(c.label, c.component)];
    throw new Error(`modal "${modal.title}" has a ${ComponentType[c.component.type]} the driver cannot fill`);
  });
  return { title: modal.title, customId: modal.custom_id, fields };
}

function answerText(field: ModalField, answer: string | string[] | undefined): string {
  if (Array.isArray(answer)) throw new Error(`field "${field.label}" takes text`);
  const value = answer ?? field.value;
  if (field.required && value === '') throw new Error(`field "${field.label}" is required`);
  if (value !== '' && (value.length < (field.minLength ?? 0) || value.length > (field.maxLength ?? 4000))) {
    throw new Error(`field "${field.label}" takes ${field.minLength ?? 0} to ${field.maxLength ?? 4000} characters`);
  }
  return value;
}

function answerSelect(field: ModalField, answer: string | string[] | undefined): string[] {
  const picked = answer === undefined ? field.values : Array.isArray(answer) ? answer : [answer];
  const values = picked.map((p) => {
    const option = field.options?.find((o) => o.value === p || o.label === p);
    if (!option) throw new Error(`field "${field.label}" has no option "${p}"`);
    return option.value;
  });
  if (field.required && values.length === 0) throw new Error(`field "${field.label}" is required`);
  return values;
}

/** The modal's components as Discord submits them, answered by field label or custom_id. */
export function submitModal(modal: APIModalInteractionResponseCallbackData, answers: ModalAnswers): APIModalSubmissionComponent[] {
  const fields = new Map(describeModal(modal).fields.map((f) => [f.customId, f]));
  const used = new Set<string>();
  const answerFor = (field: ModalField) => {
    const key = [field.label, field.customId].find((k) => k in answers);
    if (key !== undefined) used.add(key);
    return key === undefined ? undefined : answers[key];
  };
  const textInput = (input: APITextInputComponent): APIModalSubmitTextInputComponent => {
    const field = fields.get(input.custom_id)!;
    return { type: ComponentType.TextInput, id: input.id, custom_id: input.custom_id, value: answerText(field, answerFor(field)) };
  };
  const components = modal.components.map((c): APIModalSubmissionComponent => {
    if (c.type === ComponentType.ActionRow) return { type: c.type, id: c.id, components: c.components.map(textInput) };
    if (c.type === ComponentType.TextDisplay) return { type: c.type, id: c.id };
    if (c.component.type === ComponentType.TextInput) return { type: c.type, id: c.id, component: textInput(c.component) };
    const field = fields.get(c.component.custom_id)!;
    const values = answerSelect(field, answerFor(field));
    const select = { type: ComponentType.StringSelect as const, id: c.component.id, custom_id: field.customId, values };
    return { type: c.type, id: c.id, component: select };
  });
  const unknown = Object.keys(answers).filter((key) => !used.has(key));
  if (unknown.length > 0) throw new Error(`modal "${modal.title}" has no field ${unknown.join(', ')}`);
  return components;
}
