/**
 * The form typed text and stored names are compared in: compatibility forms folded (full-width "ＳＣ１"
 * from CJK keyboards), accents dropped ("Curacao" finds "Curaçao"), case and whitespace ignored.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, '');
}
