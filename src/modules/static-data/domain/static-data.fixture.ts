import { StaticDataSet } from './static-data.schemas';

/**
 * A small, valid data set for tests; each call returns a fresh copy to mutate. Regions and servers sit
 * on the equator so distances are easy to reason about: WST at 0°, EST at 20°, FAR at 100° east, with a
 * server on each of WST and EST and two servers (MIDA, MIDB) at the same point 10° east.
 */
export function validStaticData(): StaticDataSet {
  return {
    races: {
      races: [
        { code: 'bw_terran', game: 'bw', name: 'BW Terran', shortName: 'T1', aliases: ['스1 테란', 'SC1人类'] },
        { code: 'bw_zerg', game: 'bw', name: 'BW Zerg', shortName: 'Z1', aliases: ['스1 저그'] },
        { code: 'bw_protoss', game: 'bw', name: 'BW Protoss', shortName: 'P1', aliases: [] },
        { code: 'sc2_terran', game: 'sc2', name: 'SC2 Terran', shortName: 'T2', aliases: ['테란', 'Терраны'] },
        { code: 'sc2_zerg', game: 'sc2', name: 'SC2 Zerg', shortName: 'Z2', aliases: ['Зерги'] },
        { code: 'sc2_protoss', game: 'sc2', name: 'SC2 Protoss', shortName: 'P2', aliases: ['토스'] },
      ],
    },
    maps: {
      seasons: [
        {
          name: 'Season 1',
          current: true,
          maps: [
            { code: 'alpha', name: 'Alpha LE', shortName: 'Alpha', author: 'Someone', style: 'sc2', ids: { AM: 101, EU: 201, AS: 301 } },
            { code: 'beta_ridge', name: 'Beta Ridge', shortName: 'Beta', author: 'Other', style: 'bw', ids: { AM: 102, EU: 202, AS: 302 } },
          ],
        },
      ],
    },
    regions: {
      regions: [
        { code: 'WST', name: 'West', place: 'zero', coordinate: { lat: 0, lon: 0 } },
        { code: 'EST', name: 'East', place: 'twenty', coordinate: { lat: 0, lon: 20 } },
        { code: 'FAR', name: 'Far', place: 'hundred', coordinate: { lat: 0, lon: 100 } },
      ],
    },
    'game-regions': {
      gameRegions: [
        { code: 'AM', name: 'Americas', mapLinkIndex: 1 },
        { code: 'EU', name: 'Europe', mapLinkIndex: 2 },
        { code: 'AS', name: 'Asia', mapLinkIndex: 3 },
      ],
    },
    'game-servers': {
      servers: [
        { code: 'WEST', name: 'West', gameRegion: 'AM', place: 'zero', coordinate: { lat: 0, lon: 0 } },
        { code: 'MIDB', name: 'Middle B', gameRegion: 'AS', place: 'ten', coordinate: { lat: 0, lon: 10 } },
        { code: 'MIDA', name: 'Middle A', gameRegion: 'AS', place: 'ten', coordinate: { lat: 0, lon: 10 } },
        { code: 'EAST', name: 'East', gameRegion: 'EU', place: 'twenty', coordinate: { lat: 0, lon: 20 } },
      ],
    },
    'server-choice': { kmPerMsRoundTrip: 100, routingFactor: 1.5, baseMs: 10, overrides: [] },
    countries: {
      countries: [
        { code: 'CI', name: 'Côte d’Ivoire', common: false },
        { code: 'FR', name: 'France', common: true },
        { code: 'KP', name: 'North Korea', common: false },
        { code: 'KR', name: 'South Korea', common: true },
        { code: 'US', name: 'United States of America', common: true },
        { code: 'XX', name: 'Non-representing', common: false },
        { code: 'ZZ', name: 'Other', common: false },
      ],
    },
  };
}
