import { StaticCatalog } from '../../static-data/domain/static-catalog';
import { validStaticData } from '../../static-data/domain/static-data.fixture';
import { bwPlayer, pairings, sc2Player, twoRacePlayer, wave } from './spec-support';

// Snowflakes beyond 2^53, so any slip into numbers would show.
const ANN = '900719925474099301';
const BEN = '900719925474099302';
const CAT = '900719925474099303';
const DAN = '900719925474099304';
const EVE = '900719925474099305';

describe('a matchmaking wave', () => {
  describe('the window W(c) = 100 + 50 c', () => {
    it('matches 1500 BW against 1640 SC2 on the first wave', () => {
      const result = wave([bwPlayer(ANN, 1500), sc2Player(BEN, 1640)]);
      expect(result.matches).toEqual([
        expect.objectContaining({
          player1: { playerId: ANN, race: 'bw_zerg', rating: 1500, waitCount: 1 },
          player2: { playerId: BEN, race: 'sc2_protoss', rating: 1640, waitCount: 1 },
        }),
      ]);
      expect(result.stayQueued).toEqual([]);
    });

    it('allows a gap of exactly the window, and not one more', () => {
      expect(pairings(wave([bwPlayer(ANN, 1500), sc2Player(BEN, 1650)]))).toEqual([`${ANN} v ${BEN}`]);
      expect(pairings(wave([bwPlayer(ANN, 1500), sc2Player(BEN, 1651)]))).toEqual([]);
    });

    it.each([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ])('matches 1500 against 1780 only from the fourth wave (wave %d: %s)', (waitCount, matched) => {
      const result = wave([bwPlayer(ANN, 1500, { wait: waitCount }), sc2Player(BEN, 1780, { wait: waitCount })]);
      expect(pairings(result)).toEqual(matched ? [`${ANN} v ${BEN}`] : []);
    });

    it('lets the larger window suffice: 1500 waiting 1 wave meets 1720 waiting 3', () => {
      expect(pairings(wave([bwPlayer(ANN, 1500, { wait: 1 }), sc2Player(BEN, 1720, { wait: 3 })]))).toEqual([`${ANN} v ${BEN}`]);
      expect(pairings(wave([bwPlayer(ANN, 1720, { wait: 3 }), sc2Player(BEN, 1500, { wait: 1 })]))).toEqual([`${ANN} v ${BEN}`]);
    });

    it('does not stretch past the larger window: 1500 waiting 1 wave and 1760 waiting 3 stay queued', () => {
      const result = wave([bwPlayer(ANN, 1500, { wait: 1 }), sc2Player(BEN, 1760, { wait: 3 })]);
      expect(result.matches).toEqual([]);
      expect(result.stayQueued).toEqual([ANN, BEN]);
    });
  });

  describe('valid pairs', () => {
    it('never matches two BW-only players, nor two SC2-only players', () => {
      expect(wave([bwPlayer(ANN, 1500), bwPlayer(BEN, 1500)]).stayQueued).toEqual([ANN, BEN]);
      expect(wave([sc2Player(ANN, 1500), sc2Player(BEN, 1500)]).stayQueued).toEqual([ANN, BEN]);
    });

    it('never matches a lone two-race player against himself', () => {
      const result = wave([twoRacePlayer(ANN, 1500, 1500)]);
      expect(result.matches).toEqual([]);
      expect(result.stayQueued).toEqual([ANN]);
    });

    it('matches two two-race players across the games, each on the side where he stands higher', () => {
      const result = wave([twoRacePlayer(ANN, 1400, 1700), twoRacePlayer(BEN, 1700, 1400)]);
      expect(result.matches).toEqual([
        expect.objectContaining({ player1: expect.objectContaining({ playerId: BEN, rating: 1700 }), player2: expect.objectContaining({ playerId: ANN, rating: 1700 }) }),
      ]);
    });

    it('sends a two-race player to the smaller side', () => {
      const result = wave([bwPlayer(ANN, 1500), bwPlayer(BEN, 1520), sc2Player(CAT, 1500), twoRacePlayer(DAN, 1600, 1450, { sc2Race: 'sc2_terran' })]);
      expect(result.matches).toHaveLength(2);
      const dan = result.matches.find((match) => match.player2.playerId === DAN);
      expect(dan?.player2).toEqual({ playerId: DAN, race: 'sc2_terran', rating: 1450, waitCount: 1 });
    });
  });

  describe('the choice', () => {
    it('considers the longest-waiting players of the larger side first', () => {
      const result = wave([bwPlayer(ANN, 1500, { wait: 1 }), bwPlayer(BEN, 1600, { wait: 3 }), sc2Player(CAT, 1500, { wait: 1 })]);
      expect(pairings(result)).toEqual([`${BEN} v ${CAT}`]);
      expect(result.stayQueued).toEqual([ANN]);
    });

    it('then gives the larger side\'s later players whoever the first pass left free', () => {
      // Ann and Cat wait longest, so they go first; Cat takes Eve, Ann fits nobody left; Ben, later, fits Dan.
      const result = wave([bwPlayer(ANN, 1500, { wait: 3 }), bwPlayer(BEN, 2000), bwPlayer(CAT, 1600, { wait: 2 }), sc2Player(DAN, 2000), sc2Player(EVE, 1700)]);
      expect(pairings(result)).toEqual([`${BEN} v ${DAN}`, `${CAT} v ${EVE}`]);
      expect(result.stayQueued).toEqual([ANN]);
    });

    it('weighs waiting against the gap: gap² - 20 (c1 + c2), lowest first', () => {
      // Ann-Ben scores 10² - 20 x 2 = 60, Ann-Cat 15² - 20 x 9 = 45; Dan fits Cat alone (Ben is 190 away).
      const result = wave([bwPlayer(ANN, 1500), sc2Player(BEN, 1510), sc2Player(CAT, 1515, { wait: 8 }), bwPlayer(DAN, 1700)]);
      expect(pairings(result)).toEqual([`${ANN} v ${CAT}`]);
      expect(result.stayQueued).toEqual([BEN, DAN]);
    });

    it('improves the greedy choice by swapping partners', () => {
      // Greedy takes Ben-Cat (gap 10) then Ann-Dan (190); the swap gives two gaps of 90.
      const result = wave([bwPlayer(ANN, 1000, { wait: 2 }), bwPlayer(BEN, 1100, { wait: 2 }), sc2Player(CAT, 1090, { wait: 2 }), sc2Player(DAN, 1190, { wait: 2 })]);
      expect(pairings(result)).toEqual([`${ANN} v ${CAT}`, `${BEN} v ${DAN}`]);
    });
  });

  describe('map and server', () => {
    it('never chooses a vetoed map', () => {
      const maps = new Set(Array.from({ length: 40 }, (_, seed) => wave([bwPlayer(ANN, 1500, { vetoes: ['alpha'] }), sc2Player(BEN, 1500)], seed).matches[0].mapCode));
      expect([...maps]).toEqual(['beta_ridge']);
    });

    it('chooses from the whole pool when the vetoes cover it', () => {
      const maps = new Set(Array.from({ length: 40 }, (_, seed) => wave([bwPlayer(ANN, 1500, { vetoes: ['alpha'] }), sc2Player(BEN, 1500, { vetoes: ['beta_ridge'] })], seed).matches[0].mapCode));
      expect([...maps].sort()).toEqual(['alpha', 'beta_ridge']);
    });

    it('plays an override pair on its server, with both latency estimates, player 1’s first', () => {
      const data = validStaticData();
      data['server-choice'].overrides = [{ regions: ['WST', 'FAR'], server: 'WEST', reason: 'a test override' }];
      const catalog = new StaticCatalog(data);
      const entries = [bwPlayer(ANN, 1500, { region: 'FAR' }), sc2Player(BEN, 1500, { region: 'WST' })];
      expect(wave(entries).matches[0].server.server.code).toBe('EAST');
      const server = wave(entries, 1, { chooseServer: (a, b) => catalog.chooseServer(a, b) }).matches[0].server;
      expect(server).toEqual({ server: catalog.server('WEST'), rttMsA: catalog.estimatedRttMs('FAR', 'WEST'), rttMsB: catalog.estimatedRttMs('WST', 'WEST'), overridden: true });
      expect(server.rttMsA).toBeGreaterThan(server.rttMsB);
    });
  });

  describe('the result', () => {
    const queue = () => [bwPlayer(ANN, 1500), sc2Player(BEN, 1560), twoRacePlayer(CAT, 1620, 1480, { vetoes: ['alpha'] }), bwPlayer(DAN, 1900), sc2Player(EVE, 1530, { wait: 3 })];

    it('lists matches by player 1 and everyone else as staying queued, by id', () => {
      const result = wave(queue());
      expect(pairings(result)).toEqual([`${ANN} v ${EVE}`, `${CAT} v ${BEN}`]);
      expect(result.stayQueued).toEqual([DAN]);
    });

    it('is the same for the same entries in any order and the same seed', () => {
      expect(wave([...queue()].reverse(), 9)).toEqual(wave(queue(), 9));
    });

    it('refuses a player queued twice', () => {
      expect(() => wave([bwPlayer(ANN, 1500), sc2Player(ANN, 1500)])).toThrow(`Player ${ANN} is queued twice`);
    });
  });
});
