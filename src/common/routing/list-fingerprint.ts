/** A fingerprint as custom ids carry it. */
export const LIST_FINGERPRINT = /^[0-9a-z]{1,7}$/;

/**
 * FNV-1a over a list's entries in order, base 36: a custom id that encodes choices as positions in a
 * list carries it, so a message older than a change of the list is recognised instead of misread.
 */
export function listFingerprint(list: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of list.join('\n')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
