import { SetupInput, validateSetup } from './setup-validation';

const valid: SetupInput = { userId: 'Alice', battletag: 'Alice#1234', alt1: '', alt2: '' };

function errorsOf(input: Partial<SetupInput>): string[] {
  const result = validateSetup({ ...valid, ...input });
  return result.ok ? [] : result.errors.map((error) => `${error.field}: ${error.message}`);
}

describe('validateSetup', () => {
  it('accepts a plain setup and trims the values', () => {
    expect(validateSetup({ userId: ' Alice ', battletag: ' Alice#1234 ', alt1: ' ', alt2: '' })).toEqual({
      ok: true,
      identity: { playerName: 'Alice', battletag: 'Alice#1234', altPlayerName1: null, altPlayerName2: null },
    });
  });

  it('accepts names in any script for the BattleTag and the alts', () => {
    expect(validateSetup({ userId: 'Alice', battletag: '앨리스#1234', alt1: '앨리스', alt2: 'Алиса' })).toEqual({
      ok: true,
      identity: { playerName: 'Alice', battletag: '앨리스#1234', altPlayerName1: '앨리스', altPlayerName2: 'Алиса' },
    });
  });

  it.each([
    ['Abc', true],
    ['Abcdefghijkl', true],
    ['Ab', false],
    ['Abcdefghijklm', false],
    ['Player_1', false],
    ['Player1', false],
    ['Al ice', false],
    ['Élise', false],
    ['앨리스', false],
    ['', false],
  ])('Player name %j valid: %s', (userId, ok) => {
    const errors = errorsOf({ userId, alt1: '', alt2: '' });
    expect(errors.filter((error) => error.startsWith('Player name:')).length === 0).toBe(ok);
  });

  it.each([
    ['Alice#123', true],
    ['Alice#123456789012', true],
    ['A#1234', true],
    ['Abcdefghijkl#1234', true],
    ['앨리스#1234', true],
    ['Alice#12', false],
    ['Alice#1234567890123', false],
    ['Al#ce#123', false],
    ['Alice1234', false],
    ['#1234', false],
    ['Abcdefghijklm#1234', false],
    ['Alice#12a4', false],
    ['Al ice#1234', false],
    ['', false],
  ])('BattleTag %j valid: %s', (battletag, ok) => {
    expect(errorsOf({ battletag }).length === 0).toBe(ok);
  });

  it.each([
    ['', true],
    ['Bob', true],
    ['앨리스', true],
    ['Zerg4Life', true],
    ['Bo', false],
    ['앨리', false],
    ['Abcdefghijklm', false],
    ['Bob!', false],
    ['B o b', false],
  ])('Alt name %j valid: %s', (alt, ok) => {
    expect(errorsOf({ alt1: alt }).length === 0).toBe(ok);
    expect(errorsOf({ alt2: alt }).length === 0).toBe(ok);
  });

  it('names the field and the rule in every message', () => {
    expect(errorsOf({ userId: 'Ab' })).toEqual(['Player name: must be 3 to 12 letters A-Z, nothing else (got "Ab")']);
    // Quoted as Discord shows it: the underscore escaped, so it is not read as italics.
    expect(errorsOf({ userId: 'Player_1' })).toEqual(['Player name: must be 3 to 12 letters A-Z, nothing else (got "Player\\_1")']);
    expect(errorsOf({ battletag: 'Alice#12' })).toEqual(['BattleTag: must end in 3 to 12 digits after # (got "12")']);
    expect(errorsOf({ battletag: 'Al#ce#123' })).toEqual(['BattleTag: must be name#digits with exactly one # (got "Al#ce#123")']);
    expect(errorsOf({ alt2: 'x' })).toEqual(['Alt name 2: must be 3 to 12 letters or digits of any script, or empty (got "x")']);
  });

  it('reports every broken field at once', () => {
    expect(errorsOf({ userId: 'Ab', battletag: 'nope', alt1: 'x', alt2: 'y' }).map((error) => error.split(':')[0])).toEqual([
      'Player name',
      'BattleTag',
      'Alt name 1',
      'Alt name 2',
    ]);
  });

  it('requires the main and alt IDs to be pairwise distinct, ignoring case', () => {
    expect(errorsOf({ alt1: 'alice' })).toEqual(['Alt name 1: must differ from Player name (both are "alice")']);
    expect(errorsOf({ alt1: 'Bob', alt2: 'BOB' })).toEqual(['Alt name 2: must differ from Alt name 1 (both are "BOB")']);
    expect(errorsOf({ alt1: '', alt2: 'Alice' })).toEqual(['Alt name 2: must differ from Player name (both are "Alice")']);
    expect(errorsOf({ alt1: 'Bob', alt2: 'Carol' })).toEqual([]);
  });
});
