/**
 * Discord's message markdown, the part the bot uses, as DOM nodes: bold, italic, underline, strike,
 * inline code, links, user mentions and timestamps (`<t:unix:R>`, kept current by the page). Text is
 * only ever set as text, never parsed as HTML.
 */
import { formatTimestamp } from '../discord-timestamp';

const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|~~[^~]+~~|\*[^*\s][^*]*\*|`[^`]+`|<t:-?\d+(?::[tTdDfFR])?>|<@!?\d+>|\[[^\]]+\]\(https?:\/\/[^)\s]+\))/;

export type NameOf = (userId: string) => string | undefined;

export function discordText(text: string, nameOf: NameOf): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(document.createElement('br'));
    fragment.append(...inline(line, nameOf));
  });
  return fragment;
}

function inline(text: string, nameOf: NameOf): Node[] {
  const nodes: Node[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    if (match.index > 0) nodes.push(document.createTextNode(rest.slice(0, match.index)));
    nodes.push(token(match[0], nameOf));
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}

function wrap(tag: string, inner: string, nameOf: NameOf): HTMLElement {
  const element = document.createElement(tag);
  element.append(...inline(inner, nameOf));
  return element;
}

function token(raw: string, nameOf: NameOf): Node {
  if (raw.startsWith('**')) return wrap('strong', raw.slice(2, -2), nameOf);
  if (raw.startsWith('__')) return wrap('u', raw.slice(2, -2), nameOf);
  if (raw.startsWith('~~')) return wrap('s', raw.slice(2, -2), nameOf);
  if (raw.startsWith('*')) return wrap('em', raw.slice(1, -1), nameOf);
  if (raw.startsWith('`')) {
    const code = document.createElement('code');
    code.textContent = raw.slice(1, -1);
    return code;
  }
  if (raw.startsWith('<t:')) {
    const [, unix, style = 'f'] = /^<t:(-?\d+)(?::(\w))?>$/.exec(raw) ?? [];
    const time = document.createElement('time');
    time.className = 'discord-time';
    time.dataset.unix = unix;
    time.dataset.style = style;
    time.textContent = formatTimestamp(Number(unix), style, Date.now());
    return time;
  }
  if (raw.startsWith('<@')) {
    const id = raw.replace(/[<@!>]/g, '');
    const mention = document.createElement('span');
    mention.className = 'mention';
    mention.textContent = `@${nameOf(id) ?? 'unknown-user'}`;
    return mention;
  }
  const [, label, href] = /^\[([^\]]+)\]\((.+)\)$/.exec(raw) ?? [];
  const link = document.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = label;
  return link;
}

/** Brings every relative timestamp on the page up to date. */
export function refreshTimestamps(root: ParentNode, now: number): void {
  root.querySelectorAll<HTMLElement>('time.discord-time').forEach((time) => {
    time.textContent = formatTimestamp(Number(time.dataset.unix), time.dataset.style ?? 'f', now);
  });
}
