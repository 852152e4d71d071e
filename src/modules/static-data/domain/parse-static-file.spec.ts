import { parseStaticFile } from './parse-static-file';
import { validStaticData } from './static-data.fixture';
import { fieldPath, StaticDataError } from './static-data.errors';

function thrownBy(parse: () => unknown): StaticDataError {
  try {
    parse();
  } catch (error) {
    if (error instanceof StaticDataError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('parseStaticFile', () => {
  it('returns the typed content of a valid file', () => {
    const maps = parseStaticFile('maps', JSON.stringify(validStaticData().maps));
    expect(maps.seasons[0].maps.map((map) => map.ids.EU)).toEqual([201, 202]);
  });

  it('accepts a file saved with a byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(validStaticData()['game-regions'])}`;
    expect(parseStaticFile('game-regions', text).gameRegions).toHaveLength(3);
  });

  it('reports invalid JSON against the file, at the root', () => {
    const error = thrownBy(() => parseStaticFile('races', '{ "races": [ }'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StaticDataError');
    expect(error.file).toBe('races');
    expect(error.field).toBe('(root)');
    expect(error.message).toMatch(/^races\.json: \(root\): invalid JSON: /);
    expect(error.in('/srv/ladder/static').message).toMatch(/^\/srv\/ladder\/static\/races\.json: \(root\): invalid JSON: /);
  });

  it('reports a file that is not an object at the root', () => {
    const error = thrownBy(() => parseStaticFile('regions', '["WST"]'));
    expect(error.field).toBe('(root)');
    expect(error.detail).toMatch(/expected object, received array/);
  });

  it('names file, field and reason in the message', () => {
    const maps = validStaticData().maps;
    Reflect.set(maps.seasons[0].maps[1].ids, 'EU', '202');
    const error = thrownBy(() => parseStaticFile('maps', JSON.stringify(maps)));
    expect(error.message).toBe('maps.json: seasons[0].maps[1].ids.EU: Invalid input: expected number, received string');
  });

  it('names the first problem and counts the others', () => {
    const regions = validStaticData().regions;
    Reflect.set(regions.regions[0].coordinate, 'lat', 100);
    Reflect.set(regions.regions[1].coordinate, 'lon', 200);
    Reflect.set(regions.regions[2], 'code', 'x');
    const error = thrownBy(() => parseStaticFile('regions', JSON.stringify(regions)));
    expect(error.field).toBe('regions[0].coordinate.lat');
    expect(error.message).toMatch(/\(and 2 more problems\)$/);
  });

  it('points at an unknown key itself, not at its object', () => {
    const choice = { ...validStaticData()['server-choice'], speed: 3 };
    expect(thrownBy(() => parseStaticFile('server-choice', JSON.stringify(choice))).field).toBe('speed');
  });
});

describe('fieldPath', () => {
  it.each([
    [[], '(root)'],
    [['baseMs'], 'baseMs'],
    [['seasons', 0, 'maps', 2, 'ids', 'EU'], 'seasons[0].maps[2].ids.EU'],
    [['overrides', 1, 'regions', 0], 'overrides[1].regions[0]'],
    [[3, 'code'], '[3].code'],
  ])('writes %j as %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});
