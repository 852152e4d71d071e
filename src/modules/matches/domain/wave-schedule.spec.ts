import { nextWaveId, waitCount, waveIdAt, waveStart } from './wave-schedule';

const at = (iso: string) => new Date(iso);

describe('the wave schedule', () => {
  it.each([
    ['1970-01-01T00:00:00.000Z', 45, 0],
    ['1970-01-01T00:00:44.999Z', 45, 0],
    ['1970-01-01T00:00:45.000Z', 45, 1],
    ['2026-12-02T10:00:00.000Z', 45, 39915680],
    ['2026-12-02T10:00:00.000Z', 60, 29936760],
  ])('puts %s in wave %#', (time, interval, expected) => {
    expect(waveIdAt(at(time), interval)).toBe(expected);
  });

  it('starts each wave on a multiple of the interval, so every process computes the same id', () => {
    for (const id of [0, 1, 7, 39915680]) {
      expect(waveIdAt(waveStart(id, 45), 45)).toBe(id);
      expect(waveIdAt(new Date(waveStart(id, 45).getTime() - 1), 45)).toBe(id - 1);
    }
    expect(waveStart(39915680, 45).toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });

  it('names the next wave to start', () => {
    expect(nextWaveId(at('2026-12-02T10:00:00.000Z'), 45)).toBe(39915681);
    expect(nextWaveId(at('2026-12-02T10:00:44.999Z'), 45)).toBe(39915681);
    expect(nextWaveId(at('2026-12-02T10:00:45.000Z'), 45)).toBe(39915682);
  });

  it('counts the waves a player waited, this one included, from the join time alone', () => {
    const joined = at('2026-12-02T10:00:10.000Z');
    expect(waitCount(39915681, joined, 45)).toBe(1);
    expect(waitCount(39915682, joined, 45)).toBe(2);
    expect(waitCount(39915681 + 9, joined, 45)).toBe(10);
  });

  it('counts a join at the very instant a wave starts as waiting for the next one', () => {
    expect(waitCount(39915680, waveStart(39915680, 45), 45)).toBe(1);
    expect(waitCount(39915681, waveStart(39915680, 45), 45)).toBe(1);
  });

  it('never counts less than one: the wave under way is being waited for', () => {
    expect(waitCount(10, waveStart(12, 45), 45)).toBe(1);
  });
});
