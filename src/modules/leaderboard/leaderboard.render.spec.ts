import { APIActionRowComponent, APIButtonComponent, APIEmbed, APIStringSelectComponent } from 'discord.js';
import { MAX_CUSTOM_ID_LENGTH } from '../../common/routing/custom-id-route';
import { decodeFilter, LeaderboardFilter, NO_FILTER } from './domain/leaderboard-filter';
import { LETTERS } from './domain/ranks';
import { LEADERBOARD_COUNTRIES, LEADERBOARD_NEXT, LEADERBOARD_PAGE_FORM, LEADERBOARD_RACES } from './leaderboard.routes';
import { renderLeaderboard, renderPageForm } from './leaderboard.render';
import { LeaderboardView } from './leaderboard-view';

const RACES = ['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss'];
/** 49 common countries and Other, as the static data offers them. */
const COUNTRIES = Array.from({ length: 49 }, (_, index) => String.fromCharCode(65 + Math.floor(index / 26), 65 + (index % 26))).concat('ZZ');
const EVERYTHING: LeaderboardFilter = { races: RACES, letters: [...LETTERS], countries: COUNTRIES, bestRaceOnly: true };

function view(filter: LeaderboardFilter, page: number, pages: number): LeaderboardView {
  return {
    lines: [
      { position: 1, letter: 'S', name: 'Ann', flag: '🇩🇪', race: 'BW Zerg', rating: 1732, wins: 20, losses: 4 },
      { position: 2, letter: 'A', name: 'Bo_b', flag: undefined, race: 'SC2 Terran', rating: 1701, wins: 11, losses: 9 },
    ],
    page,
    pages,
    matched: 1000,
    ranked: 4200,
    filter,
    lists: { races: RACES, countries: COUNTRIES },
    races: RACES.map((code) => ({ code, name: code })),
    countries: COUNTRIES.map((code) => ({ code, name: code === 'ZZ' ? 'Other' : `Country ${code}` })),
  };
}

function rows(message: ReturnType<typeof renderLeaderboard>) {
  return message.components.map((row) => row.toJSON() as APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>);
}

const customIdOf = (component: APIButtonComponent | APIStringSelectComponent) => ('custom_id' in component ? component.custom_id : '');

describe('the /leaderboard message', () => {
  it('fits every custom id in 100 characters with every filter set at once: 50 countries, 6 races, 7 letters, page 25, best race only', () => {
    const message = renderLeaderboard(view(EVERYTHING, 25, 25));
    const ids = [...rows(message).flatMap((row) => row.components.map(customIdOf)), renderPageForm(view(EVERYTHING, 25, 25)).toJSON().custom_id];
    expect(ids).toHaveLength(9);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
    expect(new Set(ids).size).toBe(ids.length);

    const next = LEADERBOARD_NEXT.parse(ids.find((id) => id.startsWith('leaderboard/next/'))!)!;
    expect(next.page).toBe('25');
    expect(decodeFilter(next, view(EVERYTHING, 25, 25).lists)).toEqual(EVERYTHING);
    const form = LEADERBOARD_PAGE_FORM.parse(ids[8])!;
    expect(decodeFilter(form, view(EVERYTHING, 25, 25).lists)).toEqual(EVERYTHING);
  });

  it('lays out five rows: races, ranks, two country selects of 25, then Previous, Next, Go to page and Best race only', () => {
    const [races, ranks, countries1, countries2, buttons] = rows(renderLeaderboard(view({ ...NO_FILTER, races: ['bw_zerg'], countries: ['AB', 'ZZ'] }, 1, 3)));
    const select = (row: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>) => row.components[0] as APIStringSelectComponent;
    expect(select(races).options.map((option) => [option.value, option.default])).toEqual(RACES.map((code) => [code, code === 'bw_zerg']));
    expect(select(races)).toMatchObject({ min_values: 0, max_values: 6 });
    expect(select(ranks).options.map((option) => option.value)).toEqual([...LETTERS]);
    expect(select(countries1).options).toHaveLength(25);
    expect(select(countries2).options).toHaveLength(25);
    expect(select(countries1).options.filter((option) => option.default).map((option) => option.value)).toEqual(['AB']);
    expect(select(countries2).options.at(-1)).toMatchObject({ value: 'ZZ', label: 'Other', default: true });
    expect(LEADERBOARD_COUNTRIES.parse(select(countries2).custom_id)?.part).toBe('2');
    expect(LEADERBOARD_RACES.parse(select(races).custom_id)).toBeDefined();
    expect((buttons.components as APIButtonComponent[]).map((button) => ['label' in button ? button.label : '', button.disabled ?? false])).toEqual([
      ['Previous', true],
      ['Next', false],
      ['Go to page', false],
      ['Best race only: off', false],
    ]);
  });

  it('writes each line as position, letter, name with flag, race, rating and W-L, with names escaped', () => {
    const embed = renderLeaderboard(view(NO_FILTER, 1, 1)).embeds[0].toJSON() as APIEmbed;
    expect(embed.description).toBe('`#1` **S** 🇩🇪 Ann · BW Zerg · 1732 · 20-4\n`#2` **A** Bo\\_b · SC2 Terran · 1701 · 11-9');
    expect(embed.footer?.text).toBe('Page 1 of 1 · 1000 of 4200 ranked · positions and ranks are across all races · W-L');
  });

  it('says why a page is empty', () => {
    const empty = (ranked: number) => (renderLeaderboard({ ...view(NO_FILTER, 1, 1), lines: [], matched: 0, ranked }).embeds[0].toJSON() as APIEmbed).description;
    expect(empty(0)).toMatch(/Nobody is ranked yet: a rating is ranked once it has a game in the last 14 days/);
    expect(empty(10)).toBe('No ranked rating matches these filters.');
  });
});
