import { searchKey } from './search-key';

describe('searchKey', () => {
  it.each([
    ['BW Terran', 'bw terran'],
    ['BW Terran', 'bwterran'],
    ['  스1   테란 ', '스1테란'],
    ['ＳＣ１人类', 'SC1人类'],
    ['Зерги', 'зерги'],
    ['Curaçao', 'curacao'],
    ['Côte d’Ivoire', "cote d’ivoire"],
  ])('treats %j and %j alike', (typed, stored) => {
    expect(searchKey(typed)).toBe(searchKey(stored));
  });

  it.each([
    ['테란', '스1 테란'],
    ['SC1人类', '人类'],
    ['Терраны', 'Зерги'],
    ['Niger', 'Nigeria'],
  ])('tells %j and %j apart', (one, other) => {
    expect(searchKey(one)).not.toBe(searchKey(other));
  });

  it('folds a Latin name to plain lower-case letters', () => {
    expect(searchKey('Saint Barthélemy')).toBe('saintbarthelemy');
  });
});
