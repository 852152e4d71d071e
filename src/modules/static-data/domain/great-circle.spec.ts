import { greatCircleKm } from './great-circle';

const EARTH_RADIUS_KM = 6371;

describe('greatCircleKm', () => {
  it('is zero from a point to itself', () => {
    expect(greatCircleKm({ lat: 37.57, lon: 126.98 }, { lat: 37.57, lon: 126.98 })).toBe(0);
  });

  it('measures a degree of the equator as 1/360 of its circumference', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 360, 6);
  });

  it('measures half the circumference between antipodes', () => {
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm({ lat: 0, lon: -90 }, { lat: 0, lon: 90 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('takes the short way across the date line', () => {
    expect(greatCircleKm({ lat: 0, lon: 179 }, { lat: 0, lon: -179 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 180, 6);
  });

  it('is symmetric', () => {
    const paris = { lat: 48.86, lon: 2.35 };
    const seoul = { lat: 37.57, lon: 126.98 };
    expect(greatCircleKm(paris, seoul)).toBe(greatCircleKm(seoul, paris));
  });

  it('matches known city distances within 1%', () => {
    const london = { lat: 51.5074, lon: -0.1278 };
    const paris = { lat: 48.8566, lon: 2.3522 };
    const newYork = { lat: 40.7128, lon: -74.006 };
    expect(greatCircleKm(london, paris)).toBeGreaterThan(340 * 0.99);
    expect(greatCircleKm(london, paris)).toBeLessThan(344 * 1.01);
    expect(greatCircleKm(london, newYork)).toBeGreaterThan(5570 * 0.99);
    expect(greatCircleKm(london, newYork)).toBeLessThan(5570 * 1.01);
  });
});
