/** How much of a typed value an answer quotes back. */
const QUOTED_CHARACTERS = 24;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const MARKUP = /[\\*_~`|]/g;

/**
 * A typed value as an answer quotes it back: in quotes, cut to a few characters, every invisible
 * character (zero-width, direction overrides, line breaks) named by its code point and markup
 * escaped, so no input can hide itself, restyle the answer or make it too long to send.
 */
export function quoted(value: string): string {
  const characters = [...value];
  const shown = characters
    .slice(0, QUOTED_CHARACTERS)
    .map((character) => (INVISIBLE.test(character) ? `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : character))
    .join('')
    .replace(MARKUP, '\\$&');
  return characters.length > QUOTED_CHARACTERS ? `"${shown}…" (${characters.length} characters)` : `"${shown}"`;
}
