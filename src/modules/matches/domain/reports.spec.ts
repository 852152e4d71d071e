import { agreement, Report, REPORTS, resultOfLoneReport, scoreOf } from './reports';

describe('reports', () => {
  it.each<[Report, Report, ReturnType<typeof agreement>]>([
    ['won', 'lost', { kind: 'agree', result: 'player_1' }],
    ['lost', 'won', { kind: 'agree', result: 'player_2' }],
    ['draw', 'draw', { kind: 'agree', result: 'draw' }],
    ['won', 'won', { kind: 'conflict' }],
    ['lost', 'lost', { kind: 'conflict' }],
    ['draw', 'won', { kind: 'conflict' }],
    ['draw', 'lost', { kind: 'conflict' }],
    ['won', 'draw', { kind: 'conflict' }],
    ['lost', 'draw', { kind: 'conflict' }],
  ])('player 1 "%s", player 2 "%s"', (report1, report2, expected) => {
    expect(agreement(report1, report2)).toEqual(expected);
  });

  it('waits while either has not reported', () => {
    for (const report of REPORTS) {
      expect(agreement(report, null)).toEqual({ kind: 'pending' });
      expect(agreement(null, report)).toEqual({ kind: 'pending' });
    }
    expect(agreement(null, null)).toEqual({ kind: 'pending' });
  });

  it('reads a lone report as if the other had agreed', () => {
    expect(resultOfLoneReport(1, 'won')).toBe('player_1');
    expect(resultOfLoneReport(1, 'lost')).toBe('player_2');
    expect(resultOfLoneReport(2, 'won')).toBe('player_2');
    expect(resultOfLoneReport(2, 'lost')).toBe('player_1');
    expect(resultOfLoneReport(2, 'draw')).toBe('draw');
    for (const side of [1, 2] as const) {
      for (const report of REPORTS) {
        const other = report === 'won' ? 'lost' : report === 'lost' ? 'won' : 'draw';
        const agreed = side === 1 ? agreement(report, other) : agreement(other, report);
        expect(agreed).toEqual({ kind: 'agree', result: resultOfLoneReport(side, report) });
      }
    }
  });

  it('scores player 1', () => {
    expect([scoreOf('player_1'), scoreOf('player_2'), scoreOf('draw')]).toEqual([1, 0, 0.5]);
  });
});
