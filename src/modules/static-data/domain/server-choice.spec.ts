import { compareServerChoices, estimateRttMs, ServerChoice } from './server-choice';
import { GameServer } from './static-data.schemas';

const server = (code: string): GameServer => ({ code, name: code, gameRegion: 'AM', place: 'somewhere', coordinate: { lat: 0, lon: 0 } });
const choice = (code: string, rttMsA: number, rttMsB: number): ServerChoice => ({ server: server(code), rttMsA, rttMsB, overridden: false });

describe('estimateRttMs', () => {
  const model = { kmPerMsRoundTrip: 100, routingFactor: 1.5, baseMs: 10 };

  it('is the base latency at no distance', () => {
    expect(estimateRttMs(0, model)).toBe(10);
  });

  it('adds the routed distance at the speed of light in fibre', () => {
    expect(estimateRttMs(1000, model)).toBe(25);
    expect(estimateRttMs(9000, { ...model, routingFactor: 1, baseMs: 0 })).toBe(90);
  });
});

describe('compareServerChoices', () => {
  const best = (...choices: ServerChoice[]) => [...choices].sort(compareServerChoices)[0].server.code;

  it('prefers the smaller worse latency over the smaller sum', () => {
    expect(best(choice('ONE', 10, 100), choice('TWO', 60, 60))).toBe('TWO');
  });

  it('breaks a tie on the worse latency by the smaller sum', () => {
    expect(best(choice('ONE', 80, 70), choice('TWO', 50, 80))).toBe('TWO');
  });

  it('breaks a full tie by server code', () => {
    expect(best(choice('ZED', 50, 50), choice('ABC', 50, 50))).toBe('ABC');
    expect(best(choice('ABC', 50, 50), choice('ZED', 50, 50))).toBe('ABC');
  });

  it('treats equal choices as equal', () => {
    expect(compareServerChoices(choice('ABC', 1, 2), choice('ABC', 2, 1))).toBe(0);
  });
});
