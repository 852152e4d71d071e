import { listFingerprint } from '../../../common/routing/list-fingerprint';

/**
 * Vetoes travel in custom ids (100 characters at most) as positions in the map pool, with a short
 * fingerprint of the pool, so a message older than a change of the pool is recognised instead of
 * vetoing other maps than it shows.
 */
export const VETO_POSITIONS = /^(-|\d{1,2}(\.\d{1,2}){0,3})$/;

export function encodeVetoes(vetoes: readonly string[], pool: readonly string[]): string {
  if (vetoes.length === 0) return '-';
  return vetoes
    .map((code) => {
      const position = pool.indexOf(code);
      if (position < 0) throw new Error(`Map ${code} is not in the pool`);
      return String(position);
    })
    .join('.');
}

/** The vetoed codes, or undefined when the positions do not fit this pool (forged, or the pool changed). */
export function decodeVetoes(token: string, fingerprint: string, pool: readonly string[]): string[] | undefined {
  if (fingerprint !== listFingerprint(pool) || !VETO_POSITIONS.test(token)) return undefined;
  if (token === '-') return [];
  const positions = token.split('.').map(Number);
  if (new Set(positions).size !== positions.length || positions.some((position) => position >= pool.length)) return undefined;
  return positions.sort((a, b) => a - b).map((position) => pool[position]);
}
