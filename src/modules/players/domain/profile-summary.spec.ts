import { PlayerRecord, ProfileDetails, RatingRecord } from '../player-record';
import { nextPeriodChange, periodRecord, summarizeProfile } from './profile-summary';

const now = new Date('2026-11-28T12:00:00.000Z');

const player: PlayerRecord = {
  id: 1,
  discordId: '123456789012345678',
  discordUsername: 'alice_discord',
  playerName: 'Alice',
  battletag: 'Alice#1234',
  altPlayerName1: '앨리스',
  altPlayerName2: null,
  country: 'KR',
  region: 'KRJ',
  termsAccepted: true,
  termsVersion: '2',
  termsAcceptedAt: now,
  setupCompletedAt: new Date('2026-11-01T00:00:00.000Z'),
  banned: false,
  abortsMonth: '2026-11',
  abortsUsed: 1,
  rev: 2,
  activity: 'idle',
  activityAt: null,
  currentMatchId: null,
  version: 2,
  createdAt: now,
  updatedAt: now,
};

const rating = (race: string, mmr: number, won: number, lost: number, drawn: number): RatingRecord => ({
  race,
  mmr,
  gamesPlayed: won + lost + drawn,
  gamesWon: won,
  gamesLost: lost,
  gamesDrawn: drawn,
  lastPlayedAt: now,
});

const unranked = () => undefined;

describe('summarizeProfile', () => {
  it('sums every race into the overall record and win rate', () => {
    const details: ProfileDetails = { ratings: [rating('bw_zerg', 1540, 3, 1, 0), rating('sc2_protoss', 1610, 2, 2, 1)], matches: [] };
    const summary = summarizeProfile(player, details, 3, now, unranked);
    expect(summary.overall).toEqual({ wins: 5, losses: 3, draws: 1, winRate: 5 / 9 });
    expect(summary.races.map((line) => line.race)).toEqual(['sc2_protoss', 'bw_zerg']);
  });

  it('gives each race its rank as the ranked pool holds it, or none while unranked', () => {
    const details: ProfileDetails = { ratings: [rating('bw_zerg', 1540, 3, 1, 0), rating('sc2_protoss', 1610, 2, 2, 1)], matches: [] };
    const summary = summarizeProfile(player, details, 3, now, (race) => (race === 'bw_zerg' ? { position: 12, letter: 'B', of: 80 } : undefined));
    expect(summary.races.map((line) => [line.race, line.rank])).toEqual([
      ['sc2_protoss', undefined],
      ['bw_zerg', { position: 12, letter: 'B', of: 80 }],
    ]);
  });

  it('has no win rate and no race lines before the first game', () => {
    const summary = summarizeProfile(player, { ratings: [rating('bw_zerg', 1500, 0, 0, 0)], matches: [] }, 3, now, unranked);
    expect(summary.overall).toEqual({ wins: 0, losses: 0, draws: 0, winRate: null });
    expect(summary.races).toEqual([]);
  });

  it('names the player by their Player name, or their Discord name before setup', () => {
    expect(summarizeProfile(player, { ratings: [], matches: [] }, 3, now, unranked).name).toBe('Alice');
    expect(summarizeProfile({ ...player, playerName: null }, { ratings: [], matches: [] }, 3, now, unranked).name).toBe('alice_discord');
  });

  it('lists the alts that are set, and the account status', () => {
    const summary = summarizeProfile(player, { ratings: [], matches: [] }, 3, now, unranked);
    expect(summary.alts).toEqual(['앨리스']);
    expect(summary).toMatchObject({ termsVersion: '2', abortsLeft: 2, abortsPerMonth: 3 });
    expect(summarizeProfile({ ...player, termsAccepted: false }, { ratings: [], matches: [] }, 3, now, unranked).termsVersion).toBeNull();
  });
});

describe('profile periods', () => {
  const DAY = 86_400_000;
  const at = new Date('2026-12-02T12:00:00.000Z');
  const played = (daysAgo: number, outcome: 'won' | 'lost' | 'draw', race = 'bw_zerg', ms = 0) => ({
    matchId: Math.round(daysAgo * 1000) + ms,
    completedAt: new Date(at.getTime() - daysAgo * DAY - ms),
    race,
    rating: 1500,
    opponentId: 9,
    opponentRace: 'sc2_terran',
    mapCode: 'khione',
    outcome,
    change: 0,
  });

  it('counts a match completed exactly at the start of a window, and not one a millisecond before', () => {
    expect(periodRecord([played(14, 'won')], 14, at)).toEqual({ days: 14, games: 1, record: { wins: 1, losses: 0, draws: 0 } });
    expect(periodRecord([played(14, 'won', 'bw_zerg', 1)], 14, at).games).toBe(0);
    expect(periodRecord([played(14, 'won', 'bw_zerg', 1)], 30, at).games).toBe(1);
  });

  it('counts from the match dates as of now, so the same kept matches leave a window as time passes', () => {
    const matches = [played(1, 'won'), played(13, 'lost'), played(29, 'draw'), played(89, 'won'), played(120, 'lost')];
    expect([14, 30, 90].map((days) => periodRecord(matches, days, at))).toEqual([
      { days: 14, games: 2, record: { wins: 1, losses: 1, draws: 0 } },
      { days: 30, games: 3, record: { wins: 1, losses: 1, draws: 1 } },
      { days: 90, games: 4, record: { wins: 2, losses: 1, draws: 1 } },
    ]);
    const later = new Date(at.getTime() + 2 * DAY);
    expect([14, 30, 90].map((days) => periodRecord(matches, days, later).games)).toEqual([1, 2, 3]);
  });

  it('names the moment the counts next change: the first match to leave a window', () => {
    const matches = [played(1, 'won'), played(20, 'lost')];
    expect(nextPeriodChange(matches, at)).toBe(at.getTime() + 10 * DAY + 1);
    const justBefore = new Date(at.getTime() + 10 * DAY);
    expect(periodRecord(matches, 30, justBefore).games).toBe(2);
    expect(periodRecord(matches, 30, new Date(at.getTime() + 10 * DAY + 1)).games).toBe(1);
    expect(nextPeriodChange([], at)).toBeNull();
    expect(nextPeriodChange([played(100, 'won')], at)).toBeNull();
  });

  it('ignores a match dated after now', () => {
    expect(periodRecord([played(-1, 'won')], 14, at).games).toBe(0);
  });

  it('gives each race its own periods on the profile', () => {
    const details: ProfileDetails = {
      ratings: [rating('bw_zerg', 1520, 1, 0, 0), rating('sc2_terran', 1480, 0, 1, 0)],
      matches: [played(2, 'won'), played(40, 'lost', 'sc2_terran')],
    };
    const summary = summarizeProfile(player, details, 3, at, unranked);
    const byRace = Object.fromEntries(summary.races.map((line) => [line.race, line.periods.map((period) => period.games)]));
    expect(byRace).toEqual({ bw_zerg: [1, 1, 1], sc2_terran: [0, 0, 1] });
  });
});
