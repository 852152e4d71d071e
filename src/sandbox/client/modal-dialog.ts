import type { OpenModal } from '../../emulator';

// discord-api-types' component type of a text input, spelled out: the page bundles no discord.js code.
const TEXT_INPUT = 4;

/** What submitting or dismissing the form does: a submission answers an error to show, or the next modal the bot opened. */
export interface ModalActions {
  submit(answers: Record<string, string | string[]>): Promise<{ error?: string; modal?: OpenModal | null }>;
  dismiss(): void;
}

/**
 * A modal as Discord's client shows it: its title, each field with its label, limits and pre-filled
 * value; Submit sends the answers by label, and an answer the emulator refuses keeps the form open.
 */
export function openModal(dialog: HTMLDialogElement, modal: OpenModal, actions: ModalActions): void {
  const form = document.createElement('form');
  form.method = 'dialog';
  const title = document.createElement('h2');
  title.textContent = modal.title;
  form.append(title);
  const readers: Array<[string, () => string | string[]]> = [];
  for (const field of modal.fields) {
    const label = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = `${field.label}${field.required ? ' *' : ''}`;
    label.append(caption);
    if (field.type === TEXT_INPUT) {
      const long = (field.maxLength ?? 0) > 100;
      const input = long ? document.createElement('textarea') : document.createElement('input');
      input.value = field.value;
      input.required = field.required;
      if (field.minLength !== undefined) input.minLength = field.minLength;
      if (field.maxLength !== undefined) input.maxLength = field.maxLength;
      if (field.placeholder) input.placeholder = field.placeholder;
      label.append(input);
      readers.push([field.label, () => input.value]);
    } else {
      const input = document.createElement('select');
      input.multiple = true;
      input.append(...(field.options ?? []).map((option) => new Option(option.label, option.value, false, field.values.includes(option.value))));
      label.append(input);
      readers.push([field.label, () => [...input.selectedOptions].map((option) => option.value)]);
    }
    form.append(label);
  }
  const error = document.createElement('p');
  error.className = 'modal-error';
  error.hidden = true;
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.textContent = 'Submit';
  const buttons = document.createElement('div');
  buttons.className = 'modal-buttons';
  buttons.append(cancel, submit);
  form.append(error, buttons);

  cancel.addEventListener('click', () => {
    dialog.close();
    actions.dismiss();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void actions.submit(Object.fromEntries(readers.map(([label, read]) => [label, read()]))).then((answer) => {
      if (answer.error !== undefined) {
        error.textContent = answer.error;
        error.hidden = false;
        return;
      }
      dialog.close();
      if (answer.modal) openModal(dialog, answer.modal, actions);
    });
  });
  dialog.replaceChildren(form);
  dialog.showModal();
}
