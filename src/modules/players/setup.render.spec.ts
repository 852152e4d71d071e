import { APIEmbed } from 'discord.js';
import { SetupDraft, SetupStep } from './domain/setup-draft';
import { readDraft, renderSetupStep } from './setup.render';

function embedOf(step: SetupStep): APIEmbed {
  const [embed] = renderSetupStep(step).embeds;
  return JSON.parse(JSON.stringify(embed.toJSON()));
}

describe('the setup draft carried by the message', () => {
  const labels = { country: { code: 'KR', name: 'South Korea', flag: '🇰🇷' }, region: { code: 'KRJ', name: 'Korea and Japan' } };

  it.each<[string, SetupDraft]>([
    ['a full draft', { userId: 'Alice', battletag: '앨리스#1234', alt1: '앨리스', alt2: 'Алиса', country: 'KR', region: 'KRJ' }],
    ['empty alts', { userId: 'Bob', battletag: 'Bob#123', alt1: '', alt2: '', country: 'KR', region: 'KRJ' }],
    ['no country or region yet', { userId: 'Cid', battletag: 'Cid#999', alt1: 'Ciddy', alt2: '', country: undefined, region: undefined }],
    ['Other as the country', { userId: 'Eve', battletag: 'Eve#4242', alt1: '', alt2: '', country: 'ZZ', region: 'KRJ' }],
  ])('reads back %s exactly', (_, draft) => {
    const country = draft.country === 'ZZ' ? { code: 'ZZ', name: 'Other', flag: '🌐' } : labels.country;
    const shown = { ...labels, country, ...(draft.country ? {} : { country: undefined, region: undefined }) };
    expect(readDraft(embedOf({ step: 'preview', draft, labels: shown, rev: 4 }))).toEqual(draft);
    expect(readDraft(embedOf({ step: 'preview', draft, labels: shown, rev: 4, outdated: true }))).toEqual(draft);
    expect(readDraft(embedOf({ step: 'done', draft, labels: shown }))).toEqual(draft);
    expect(readDraft(embedOf({ step: 'errors', draft, labels: shown, errors: [{ field: 'Player name', message: 'is required' }] }))).toEqual(draft);
  });

  it('shows a country with its code, and Other without its internal one', () => {
    const draft: SetupDraft = { userId: 'Eve', battletag: 'Eve#4242', alt1: '', alt2: '', country: 'KR', region: undefined };
    const countryField = (step: SetupStep) => embedOf(step).fields?.find((field) => field.name === 'Country')?.value;
    expect(countryField({ step: 'preview', draft, labels, rev: 1 })).toBe('🇰🇷 South Korea (KR)');
    expect(countryField({ step: 'preview', draft: { ...draft, country: 'ZZ' }, labels: { country: { code: 'ZZ', name: 'Other', flag: '🌐' } }, rev: 1 })).toBe('🌐 Other');
  });

  it('has no draft to read in a message without its fields', () => {
    expect(readDraft(undefined)).toBeUndefined();
    expect(readDraft({ title: 'Setup cancelled' })).toBeUndefined();
  });

  it('offers to keep a country only when the draft has one, and no empty select', () => {
    const draft = { userId: 'Dee', battletag: 'Dee#123', alt1: '', alt2: '', country: 'TV', region: undefined };
    const few = [{ code: 'AR', name: 'Argentina', flag: '🇦🇷' }];
    const withCountry = renderSetupStep({ step: 'country', draft, labels: { country: { code: 'TV', name: 'Tuvalu', flag: '🇹🇻' } }, countries: few });
    expect(withCountry.components.map((row) => row.toJSON().components.map((component) => ('label' in component ? component.label : 'custom_id' in component ? component.custom_id : undefined)))).toEqual([
      ['setup/country/1'],
      ['Keep Tuvalu'],
    ]);
    const without = renderSetupStep({ step: 'country', draft: { ...draft, country: undefined }, labels: {}, countries: few });
    expect(without.components).toHaveLength(1);
  });
});
