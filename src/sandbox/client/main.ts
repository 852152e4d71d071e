import '@skyra/discord-components-core';
import type { Violation } from '../../emulator';
import type { SandboxChannel, SandboxCommand, SandboxMessage, SandboxSnapshot, SandboxUser } from '../sandbox-view';
import type { OpenModal } from '../../emulator';
import { drawCommandBox } from './command-box';
import { refreshTimestamps } from './discord-text';
import { openModal } from './modal-dialog';
import { drawPracticeForm, drawPracticeList, PracticeOrder } from './practice-panel';
import type { PracticeOpponentView } from '../practice/practice-opponent';
import { MessageActions, renderMessage } from './render-message';

/** The sandbox page: the guild as the chosen user sees it, kept live by the server's event stream. */
const page = {
  users: document.querySelector<HTMLSelectElement>('#user')!,
  guild: document.querySelector<HTMLElement>('#guild')!,
  channels: document.querySelector<HTMLElement>('#channels')!,
  title: document.querySelector<HTMLElement>('#channel-title')!,
  messages: document.querySelector<HTMLElement>('#messages')!,
  violations: document.querySelector<HTMLElement>('#violations')!,
  commands: document.querySelector<HTMLElement>('#commands')!,
  commandBox: document.querySelector<HTMLElement>('#command-box')!,
  modal: document.querySelector<HTMLDialogElement>('#modal')!,
  newUser: document.querySelector<HTMLFormElement>('#new-user')!,
  notice: document.querySelector<HTMLElement>('#notice')!,
  practiceForm: document.querySelector<HTMLFormElement>('#practice-form')!,
  practiceList: document.querySelector<HTMLElement>('#practice-list')!,
};

/** Subcommand and subcommand group, as discord-api-types numbers them (the page bundles no discord.js code). */
const SUBCOMMAND_TYPES: number[] = [1, 2];

let snapshot: SandboxSnapshot | undefined;
let followingNewest = true;
let drawnChannel: string | undefined;
let channelId: string | undefined;
let viewer = localStorage.getItem('sandbox-user') ?? '';
let events: EventSource | undefined;

const nameOf = (id: string) =>
  snapshot?.users.find((user) => user.id === id)?.username ?? snapshot?.practice.opponents.find((opponent) => opponent.id === id)?.username ?? (id === botId() ? 'Ladder' : undefined);
const botId = () => snapshot?.messages.find((message) => message.author.bot)?.author.id;

function avatarOf(userId: string): string {
  const hue = [...userId].reduce((sum, digit) => (sum * 31 + digit.charCodeAt(0)) % 360, 7);
  const letter = (nameOf(userId) ?? '?').charAt(0).toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="20" fill="hsl(${hue} 55% 45%)"/><text x="20" y="26" font-family="sans-serif" font-size="18" fill="white" text-anchor="middle">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function say(text: string): void {
  page.notice.textContent = text;
  page.notice.hidden = false;
  setTimeout(() => (page.notice.hidden = true), 6000);
}

async function post<T>(path: string, body: Record<string, unknown>): Promise<{ ok: true; body: T } | { ok: false; error: string }> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: viewer, ...body }) });
  const answer = (await response.json()) as T & { error?: string };
  return response.ok ? { ok: true, body: answer } : { ok: false, error: answer.error ?? `the sandbox answered ${response.status}` };
}

const modalActions = {
  submit: async (answers: Record<string, string | string[]>) => {
    const answer = await post<{ modal: OpenModal | null }>('/api/modal', { answers });
    return answer.ok ? { modal: answer.body.modal } : { error: answer.error };
  },
  dismiss: () => void post('/api/modal/dismiss', {}),
};

/** Sends an action as the chosen user: a modal the bot opens in reply is shown, a refusal is said. */
async function send(body: Record<string, unknown>, path = '/api/component'): Promise<boolean> {
  const answer = await post<{ modal: OpenModal | null }>(path, body);
  if (!answer.ok) {
    say(answer.error);
    return false;
  }
  if (answer.body.modal) openModal(page.modal, answer.body.modal, modalActions);
  return true;
}

function showLadderChannel(): void {
  channelId = snapshot?.channels.find((channel) => channel.kind === 'text')?.id ?? channelId;
  drawChannels(snapshot?.channels ?? []);
  drawMessages();
}

const actions: MessageActions = {
  click: (message, customId) => void send({ messageId: message.id, customId }),
  choose: (message, customId, values) => void send({ messageId: message.id, customId, values }),
};

/**
 * One click for each command that runs without options (no required option, no subcommand); commands
 * run in the ladder channel, where their answers (only you can see them) appear.
 */
function drawCommands(commands: SandboxCommand[]): void {
  page.commands.replaceChildren(
    ...commands
      .filter((command) => !command.options.some((option) => SUBCOMMAND_TYPES.includes(option.type) || ('required' in option && option.required)))
      .map((command) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'command';
        button.title = command.description;
        button.textContent = `/${command.name}`;
        button.addEventListener('click', () => {
          showLadderChannel();
          void send({ name: command.name }, '/api/command');
        });
        return button;
      }),
  );
}

function drawUsers(users: SandboxUser[]): void {
  page.users.replaceChildren(...users.map((user) => new Option(`${user.username}${user.admin ? ' (admin)' : ''}`, user.id, false, user.id === viewer)));
}

function drawChannels(channels: SandboxChannel[]): void {
  page.channels.replaceChildren(
    ...channels.map((channel) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = `channel${channel.id === channelId ? ' selected' : ''}`;
      item.textContent = channel.kind === 'dm' ? `@ ${channel.name}` : `# ${channel.name}`;
      item.addEventListener('click', () => {
        channelId = channel.id;
        draw();
      });
      return item;
    }),
  );
}

function drawMessages(): void {
  const channel = snapshot?.channels.find((candidate) => candidate.id === channelId);
  page.title.textContent = channel ? (channel.kind === 'dm' ? channel.name : `# ${channel.name}`) : '';
  const shown = (snapshot?.messages ?? []).filter((message) => message.channelId === channelId);
  if (drawnChannel !== channelId) followingNewest = true;
  drawnChannel = channelId;
  const empty = document.createElement('p');
  empty.className = 'empty';
  empty.textContent = channel?.kind === 'dm' ? 'No direct messages yet.' : 'Nothing here yet: run a command below, as the user chosen at the bottom left.';
  page.messages.replaceChildren(...(shown.length > 0 ? shown.map((message) => renderMessage(message, nameOf, actions, avatarOf)) : [empty]));
}

/**
 * The channel stays scrolled to its newest message, as the components lay out, until the reader scrolls
 * up; a redraw's own jumps are not the reader's, so only their wheel, keys and touch count.
 */
function followNewest(scroller: HTMLElement): void {
  const readerScrolled = () => requestAnimationFrame(() => (followingNewest = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40));
  for (const kind of ['wheel', 'keydown', 'touchmove']) scroller.addEventListener(kind, readerScrolled, { passive: true });
  new ResizeObserver(() => {
    if (followingNewest) scroller.scrollTop = scroller.scrollHeight;
  }).observe(page.messages);
}

function drawViolations(violations: Violation[]): void {
  page.violations.replaceChildren(
    ...violations.map((violation) => {
      const item = document.createElement('li');
      item.textContent = `${violation.rule}: ${violation.detail}`;
      return item;
    }),
  );
  page.violations.parentElement!.hidden = violations.length === 0;
}

async function addPracticeOpponent(order: PracticeOrder): Promise<boolean> {
  const answer = await post<PracticeOpponentView>('/api/practice', { ...order });
  if (!answer.ok) say(answer.error);
  return answer.ok;
}

function draw(): void {
  if (!snapshot) return;
  drawUsers(snapshot.users);
  drawPracticeForm(page.practiceForm, snapshot.practice.choices, addPracticeOpponent);
  drawPracticeList(page.practiceList, snapshot.practice.opponents);
  drawCommands(snapshot.commands);
  drawCommandBox(page.commandBox, snapshot.commands, {
    users: () => snapshot?.users ?? [],
    channels: () => snapshot?.channels ?? [],
    run: (name, options) => {
      showLadderChannel();
      return send({ name, options }, '/api/command');
    },
    suggest: async (name, option, typed, options) => {
      const answer = await post<{ choices: Array<{ name: string; value: string | number }> }>('/api/autocomplete', { name, option, typed, options });
      return answer.ok ? answer.body.choices : [];
    },
  });
  drawChannels(snapshot.channels);
  drawMessages();
  drawViolations(snapshot.violations);
}

function upsert(message: SandboxMessage): void {
  if (!snapshot) return;
  const index = snapshot.messages.findIndex((candidate) => candidate.id === message.id);
  if (index === -1) snapshot.messages.push(message);
  else snapshot.messages[index] = message;
  if (message.channelId === channelId) drawMessages();
}

function connect(): void {
  events?.close();
  events = new EventSource(`/api/events?as=${encodeURIComponent(viewer)}`);
  events.addEventListener('snapshot', (event) => {
    snapshot = JSON.parse((event as MessageEvent<string>).data) as SandboxSnapshot;
    viewer = snapshot.viewer;
    if (!snapshot.channels.some((channel) => channel.id === channelId)) channelId = snapshot.channels[0]?.id;
    page.guild.textContent = snapshot.guild.name;
    draw();
    // Says whose view is drawn, for a browser test to wait on after switching person.
    document.body.dataset.viewer = viewer;
  });
  events.addEventListener('message', (event) => upsert(JSON.parse((event as MessageEvent<string>).data) as SandboxMessage));
  events.addEventListener('delete', (event) => {
    const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
    if (!snapshot) return;
    snapshot.messages = snapshot.messages.filter((message) => message.id !== id);
    drawMessages();
  });
  events.addEventListener('channels', (event) => {
    if (!snapshot) return;
    snapshot.channels = JSON.parse((event as MessageEvent<string>).data) as SandboxChannel[];
    drawChannels(snapshot.channels);
  });
  events.addEventListener('users', (event) => {
    if (!snapshot) return;
    snapshot.users = JSON.parse((event as MessageEvent<string>).data) as SandboxUser[];
    drawUsers(snapshot.users);
  });
  events.addEventListener('practice', (event) => {
    if (!snapshot) return;
    snapshot.practice.opponents = JSON.parse((event as MessageEvent<string>).data) as PracticeOpponentView[];
    drawPracticeList(page.practiceList, snapshot.practice.opponents);
  });
  events.addEventListener('violation', (event) => {
    if (!snapshot) return;
    snapshot.violations.push(JSON.parse((event as MessageEvent<string>).data) as Violation);
    drawViolations(snapshot.violations);
  });
}

page.newUser.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = page.newUser.querySelector('input')!;
  void post<SandboxUser>('/api/users', { username: input.value.trim().toLowerCase() }).then((answer) => {
    if (!answer.ok) return say(answer.error);
    input.value = '';
    viewer = answer.body.id;
    localStorage.setItem('sandbox-user', viewer);
    channelId = undefined;
    connect();
  });
});

page.users.addEventListener('change', () => {
  viewer = page.users.value;
  localStorage.setItem('sandbox-user', viewer);
  channelId = undefined;
  connect();
});

// The stream carries every change; this only moves "in 45 seconds" along to "in 44 seconds".
setInterval(() => refreshTimestamps(document, Date.now()), 1000);
followNewest(page.messages.parentElement!);
connect();
