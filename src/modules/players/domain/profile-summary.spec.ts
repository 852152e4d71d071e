import { PlayerRecord, ProfileDetails, RatingRecord } from '../player-record';
import { summarizeProfile } from './profile-summary';

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

describe('summarizeProfile', () => {
  it('sums every race into the overall record and win rate', () => {
    const details: ProfileDetails = { ratings: [rating('bw_zerg', 1540, 3, 1, 0), rating('sc2_protoss', 1610, 2, 2, 1)] };
    const summary = summarizeProfile(player, details, 3, now);
    expect(summary.overall).toEqual({ wins: 5, losses: 3, draws: 1, winRate: 5 / 9 });
    expect(summary.races.map((line) => line.race)).toEqual(['sc2_protoss', 'bw_zerg']);
  });

  it('has no win rate and no race lines before the first game', () => {
    const summary = summarizeProfile(player, { ratings: [rating('bw_zerg', 1500, 0, 0, 0)] }, 3, now);
    expect(summary.overall).toEqual({ wins: 0, losses: 0, draws: 0, winRate: null });
    expect(summary.races).toEqual([]);
  });

  it('names the player by their User ID, or their Discord name before setup', () => {
    expect(summarizeProfile(player, { ratings: [] }, 3, now).name).toBe('Alice');
    expect(summarizeProfile({ ...player, playerName: null }, { ratings: [] }, 3, now).name).toBe('alice_discord');
  });

  it('lists the alts that are set, and the account status', () => {
    const summary = summarizeProfile(player, { ratings: [] }, 3, now);
    expect(summary.alts).toEqual(['앨리스']);
    expect(summary).toMatchObject({ termsVersion: '2', abortsLeft: 2, abortsPerMonth: 3 });
    expect(summarizeProfile({ ...player, termsAccepted: false }, { ratings: [] }, 3, now).termsVersion).toBeNull();
  });
});
