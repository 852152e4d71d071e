const NEUTRAL_FLAGS: Readonly<Record<string, string>> = { XX: '🏳️', ZZ: '🌐' };
const REGIONAL_INDICATOR_A = 0x1f1e6;

/** A flag emoji is the code spelled in regional indicator symbols; XX and ZZ have no country, so no flag. */
export function countryFlag(code: string): string {
  const upper = code.toUpperCase();
  if (NEUTRAL_FLAGS[upper]) return NEUTRAL_FLAGS[upper];
  if (!/^[A-Z]{2}$/.test(upper)) return NEUTRAL_FLAGS.XX;
  return String.fromCodePoint(...[...upper].map((letter) => REGIONAL_INDICATOR_A + letter.charCodeAt(0) - 65));
}
