import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** How long one step may wait for the page: a wave every 5 s, and the opponent pausing before each move. */
const STEP_MS = 30_000;

/**
 * The sandbox page as a person uses it, in a real browser: choose who you are, run commands, click and
 * choose in the bot's messages, fill its modals, add practice opponents; a screenshot after each step.
 */
export class SandboxPage {
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  /** Saves the page as it is now, numbered in the order taken; returns the file. */
  async screenshot(step: string): Promise<string> {
    this.shots += 1;
    const file = join(this.screenshotDir, `${String(this.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Switches person, and waits until the page shows what they see. */
  async actAs(username: string): Promise<void> {
    const option = this.page.locator('#user option', { hasText: new RegExp(`^${username}( \\(admin\\))?$`) });
    const id = await option.getAttribute('value');
    await this.page.selectOption('#user', id!);
    await this.page.locator(`body[data-viewer="${id}"]`).waitFor({ timeout: STEP_MS });
  }

  async openChannel(name: '# ladder' | '@ Direct messages'): Promise<void> {
    await this.page.locator('#channels .channel', { hasText: name }).click({ timeout: STEP_MS });
  }

  /** A command without options, from the row of buttons under the channel. */
  async runCommand(name: string): Promise<void> {
    await this.page.locator('#commands button.command', { hasText: new RegExp(`^/${name}$`) }).click({ timeout: STEP_MS });
  }

  /** A command with options, through the command box: "/" and its name, then each option by name. */
  async runCommandWith(name: string, subcommand: string, options: Record<string, string>): Promise<void> {
    const box = this.page.locator('#command-box');
    await box.locator('.command-input').fill(`/${name}`);
    await box.locator('.command-list li', { hasText: `/${name}` }).first().click();
    await box.locator('select').first().selectOption(subcommand);
    const form = box.locator('form.command-form');
    for (const [option, value] of Object.entries(options)) {
      const input = form.locator('label.option', { has: this.page.locator('span', { hasText: new RegExp(`^${option}( \\*)?$`) }) }).locator('input, select');
      if ((await input.evaluate((element) => element.tagName)) === 'SELECT') await input.selectOption({ label: value });
      else await input.fill(value);
    }
    await form.getByRole('button', { name: 'Run' }).click();
  }

  /** The newest message in the channel shown with an embed whose title matches, once there is one. */
  async waitForMessage(title: RegExp): Promise<Locator> {
    const id = await this.until(`a message titled ${title}`, async () => {
      const messages = await this.page
        .locator('discord-message')
        .evaluateAll((elements) => elements.map((element) => ({ id: element.id, titles: [...element.querySelectorAll('discord-embed')].map((embed) => embed.getAttribute('embed-title') ?? '') })));
      return messages.filter((message) => message.titles.some((text) => title.test(text))).at(-1)?.id;
    });
    return this.page.locator(`#${id}`);
  }

  /** Waits until the text a reader sees in the message (its description and fields) matches. */
  async waitForText(message: Locator, pattern: RegExp): Promise<void> {
    await this.until(`the message to read ${pattern}`, async () => pattern.test(await message.innerText()) || undefined);
  }

  private async until<T>(what: string, found: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + STEP_MS;
    for (;;) {
      const value = await found();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Clicks a button in the newest message that offers it enabled. */
  async click(label: string, within?: Locator): Promise<void> {
    const scope = within ?? this.page.locator('#messages');
    await scope.locator('discord-button[data-custom-id]', { hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) }).last().click({ timeout: STEP_MS });
  }

  /** Opens the select whose placeholder starts so, in the newest message that has it, and picks one option. */
  async pick(placeholder: string, option: string): Promise<void> {
    const menu = this.page.locator(`discord-string-select-menu[placeholder^="${placeholder}"]`).last();
    await menu.click({ timeout: STEP_MS });
    await menu.locator(`discord-string-select-menu-option[label="${option}"]`).click({ timeout: STEP_MS });
  }

  /** Fills the open modal by field label, then submits it. */
  async fillModal(answers: Record<string, string>): Promise<void> {
    const dialog = this.page.locator('#modal[open]');
    await dialog.waitFor({ timeout: STEP_MS });
    for (const [label, value] of Object.entries(answers)) {
      const input = dialog.locator('label', { has: this.page.locator('span', { hasText: new RegExp(`^${escape(label)}( \\*)?$`) }) }).locator('input, textarea');
      await input.fill(value);
      await this.until(`${label} to hold what was typed`, async () => ((await input.inputValue()) === value ? true : undefined));
    }
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await dialog.waitFor({ state: 'detached', timeout: STEP_MS });
  }

  async addPracticeOpponent(opponent: { race: string; rating: string; region: string; behaviour: string }): Promise<Locator> {
    const form = this.page.locator('#practice-form');
    const before = await this.page.locator('#practice-list li').count();
    await form.locator('select[name="race"]').selectOption({ label: opponent.race });
    await form.locator('input[name="rating"]').fill(opponent.rating);
    await form.locator('select[name="region"]').selectOption({ label: opponent.region });
    await form.locator('select[name="behaviour"]').selectOption({ label: opponent.behaviour });
    await form.getByRole('button', { name: 'Add practice opponent' }).click();
    const added = this.page.locator('#practice-list li').nth(before);
    await added.waitFor({ timeout: STEP_MS });
    return added;
  }

  /** Waits until the practice opponent's status in the list reads so. */
  async waitForStatus(opponent: Locator, status: RegExp): Promise<void> {
    await opponent.locator('.practice-status', { hasText: status }).waitFor({ timeout: STEP_MS });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
