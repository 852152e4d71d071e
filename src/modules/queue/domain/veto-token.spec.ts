import { LIST_FINGERPRINT, listFingerprint } from '../../../common/routing/list-fingerprint';
import { decodeVetoes, encodeVetoes, VETO_POSITIONS } from './veto-token';

const POOL = ['celestial_enclave', 'holy_world', 'keres_passage', 'khione', 'mothership', 'radeon', 'ruby_rock', 'sylphid', 'vermeer'];

describe('vetoes in a custom id', () => {
  const fingerprint = listFingerprint(POOL);

  it('round-trips every selection of up to four maps, in pool order', () => {
    const selections: string[][] = [[], ['khione'], ['holy_world', 'vermeer'], ['celestial_enclave', 'keres_passage', 'ruby_rock', 'vermeer']];
    for (const vetoes of selections) {
      const token = encodeVetoes(vetoes, POOL);
      expect(token).toMatch(VETO_POSITIONS);
      expect(decodeVetoes(token, fingerprint, POOL)).toEqual(vetoes);
    }
    expect(encodeVetoes([], POOL)).toBe('-');
    expect(encodeVetoes(['holy_world', 'vermeer'], POOL)).toBe('1.8');
  });

  it('gives a short fingerprint that changes with the pool, its order included', () => {
    expect(fingerprint).toMatch(LIST_FINGERPRINT);
    expect(listFingerprint(POOL)).toBe(fingerprint);
    expect(listFingerprint(POOL.slice(1))).not.toBe(fingerprint);
    expect(listFingerprint([...POOL].reverse())).not.toBe(fingerprint);
    expect(listFingerprint([...POOL.slice(0, 8), 'fighting_spirit'])).not.toBe(fingerprint);
  });

  it('refuses positions drawn for another pool rather than veto other maps', () => {
    const token = encodeVetoes(['khione'], POOL);
    expect(decodeVetoes(token, listFingerprint(['khione', 'radeon']), ['khione', 'radeon'])).toBeUndefined();
  });

  it.each([
    ['a position past the pool', '9'],
    ['a repeated position', '1.1'],
    ['five positions', '0.1.2.3.4'],
    ['not a list of positions', 'a.b'],
    ['an empty token', ''],
  ])('refuses %s', (_, token) => {
    expect(decodeVetoes(token, fingerprint, POOL)).toBeUndefined();
  });

  it('refuses to encode a map outside the pool', () => {
    expect(() => encodeVetoes(['fighting_spirit'], POOL)).toThrow(/not in the pool/);
  });
});
