import { declaredRoute, defineRoute, MAX_CUSTOM_ID_LENGTH } from './custom-id-route';

describe('CustomIdRoute', () => {
  const report = defineRoute('report/:matchId/:result', { matchId: /^\d{1,12}$/, result: /^(win|loss|draw)$/ });
  const accept = defineRoute('terms/accept', {});

  it('builds an id from its parameters', () => {
    expect(report.build({ matchId: '42', result: 'win' })).toBe('report/42/win');
    expect(accept.build({})).toBe('terms/accept');
  });

  it('parses its own ids back', () => {
    expect(report.parse('report/42/draw')).toEqual({ matchId: '42', result: 'draw' });
    expect(accept.parse('terms/accept')).toEqual({});
  });

  it.each([
    'report/42',
    'report/42/win/extra',
    'report/abc/win',
    'report/42/maybe',
    'reports/42/win',
    'report//win',
    'report/1234567890123/win',
    `report/42/${'w'.repeat(MAX_CUSTOM_ID_LENGTH)}`,
  ])('refuses the forged or stale id %s', (customId) => {
    expect(report.parse(customId)).toBeUndefined();
  });

  it('refuses to build an id its own parser would refuse', () => {
    expect(() => report.build({ matchId: 'x', result: 'win' })).toThrow(/Invalid matchId "x"/);
    const long = defineRoute('long/:value', { value: /^.*$/ });
    expect(() => long.build({ value: 'v'.repeat(MAX_CUSTOM_ID_LENGTH) })).toThrow(/longer than 100/);
  });

  it('keeps every declared route by its pattern', () => {
    expect(declaredRoute('report/:matchId/:result')).toBe(report);
    expect(declaredRoute('never/declared')).toBeUndefined();
  });
});
