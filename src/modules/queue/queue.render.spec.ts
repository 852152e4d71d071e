import { APIActionRowComponent, APIButtonComponent, APIStringSelectComponent } from 'discord.js';
import { MAX_CUSTOM_ID_LENGTH } from '../../common/routing/custom-id-route';
import { decodeVetoes } from './domain/veto-token';
import { QUEUE_BW, QUEUE_JOIN, QUEUE_SC2, QUEUE_VETOES } from './queue.routes';
import { renderQueue } from './queue.render';
import { QueueView } from './queue-view';

/** The largest pool a select can offer (25 options), with long codes. */
const POOL = Array.from({ length: 25 }, (_, index) => ({ code: `a_rather_long_map_code_number_${index}`, name: `Map ${index}` }));
const RACES = {
  bwRaces: ['bw_terran', 'bw_zerg', 'bw_protoss'].map((code) => ({ code, name: code })),
  sc2Races: ['sc2_terran', 'sc2_zerg', 'sc2_protoss'].map((code) => ({ code, name: code })),
};

function customIds(view: QueueView): string[] {
  const rows = renderQueue(view).components.map((row) => row.toJSON() as APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>);
  return rows.flatMap((row) => row.components.map((component) => ('custom_id' in component ? component.custom_id : '')));
}

describe('the /queue view', () => {
  const widest: QueueView = {
    kind: 'choosing',
    selection: { bw: 'bw_protoss', sc2: 'sc2_protoss', vetoes: POOL.slice(21).map((map) => map.code) },
    version: 999_999_999,
    pool: POOL,
    ...RACES,
  };

  it('fits every custom id in Discord\'s 100 characters with the widest selection and the largest pool', () => {
    const ids = customIds(widest);
    expect(ids).toHaveLength(6);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
  });

  it('carries the whole selection in Join, and in each select the other choices, all parsed back by their routes', () => {
    const [bw, sc2, vetoes, join] = customIds(widest);
    const codes = POOL.map((map) => map.code);
    const joined = QUEUE_JOIN.parse(join)!;
    expect(joined).toMatchObject({ version: '999999999', bw: 'bw_protoss', sc2: 'sc2_protoss', vetoes: '21.22.23.24' });
    expect(decodeVetoes(joined.vetoes, joined.pool, codes)).toEqual(codes.slice(21));
    expect(QUEUE_BW.parse(bw)).toMatchObject({ sc2: 'sc2_protoss', vetoes: '21.22.23.24' });
    expect(QUEUE_SC2.parse(sc2)).toMatchObject({ bw: 'bw_protoss', vetoes: '21.22.23.24' });
    expect(QUEUE_VETOES.parse(vetoes)).toEqual({ bw: 'bw_protoss', sc2: 'sc2_protoss' });
  });

  it('marks the current choices as the selects\' defaults, and lets each select be emptied', () => {
    const rows = renderQueue({ ...widest, selection: { bw: 'bw_zerg', vetoes: [POOL[3].code] } }).components.map((row) => row.toJSON());
    const select = (index: number) => rows[index].components[0] as APIStringSelectComponent;
    expect(select(0).options.filter((option) => option.default).map((option) => option.value)).toEqual(['bw_zerg']);
    expect(select(1).options.some((option) => option.default)).toBe(false);
    expect(select(2).options.filter((option) => option.default).map((option) => option.value)).toEqual([POOL[3].code]);
    expect([select(0).min_values, select(1).min_values, select(2).min_values, select(2).max_values]).toEqual([0, 0, 0, 4]);
  });
});
