/**
 * Writes data/static/countries.json from the i18n-iso-countries package (English names), plus the
 * ladder's own XX and ZZ. Run after upgrading the package: npm run static:countries
 */
import countries from 'i18n-iso-countries';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseStaticFile } from '../src/modules/static-data/domain/parse-static-file';
import { Country, NON_REPRESENTING_COUNTRY, OTHER_COUNTRY } from '../src/modules/static-data/domain/static-data.schemas';

/** The countries setup offers directly (docs: LADDER.md, "Static data"). */
const COMMON_COUNTRY_CODES = new Set(
  ('AR AU AT BG BA BY BO BR CA CL CN CO CR CU CZ DE DK EC ES FI FR GB HK HR HU ID IN IL IT JP KZ KR LT MX MY NL NO NZ ' +
    'PE PH PL RO RU SG SE TW UA US VN').split(' '),
);

const OUTPUT = resolve(__dirname, '..', 'data', 'static', 'countries.json');

/** Names the community uses that the package does not give (LADDER.md, /setcountry). */
const COMMUNITY_ALIASES: Record<string, string[]> = {
  GB: ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain'],
  NL: ['Holland'],
  KR: ['Korea'],
  US: ['America'],
};

/** Formal names ("Taiwan, Province of China", "Russian Federation") read oddly in a player's profile. */
const FORMAL_NAME = /,| of |Federation|Republic/;
const ABBREVIATION = /^[A-Z.]+$/;

/** The package's default English name, or its shortest plain alias where the default is a formal one. */
function familiarName(code: string): string {
  const [name, ...aliases] = countries.getName(code, 'en', { select: 'all' }) ?? [code];
  if (!FORMAL_NAME.test(name)) return name;
  const plain = aliases.filter((alias) => !ABBREVIATION.test(alias) && !FORMAL_NAME.test(alias));
  return plain.sort((a, b) => a.length - b.length)[0] ?? name;
}

/** Familiar names, except where two countries would share one (both Congos): those keep the package's name. */
function isoCountries(): Country[] {
  const codes = Object.keys(countries.getNames('en'));
  const names = new Map(codes.map((code) => [code, familiarName(code)]));
  const shared = new Set([...names.values()].filter((name, index, all) => all.indexOf(name) !== index));
  return codes.map((code) => {
    const familiar = names.get(code) ?? code;
    const name = shared.has(familiar) ? (countries.getName(code, 'en') ?? familiar) : familiar;
    return { code, name, common: COMMON_COUNTRY_CODES.has(code), ...aliasesOf(code, name) };
  });
}

/** The package's other names and the community's, without the name itself, the code or dotted forms of it. */
function aliasesOf(code: string, name: string): { aliases?: string[] } {
  const all = [...(countries.getName(code, 'en', { select: 'all' }) ?? []), ...(COMMUNITY_ALIASES[code] ?? [])];
  const aliases = [...new Set(all)].filter((alias) => alias !== name && alias.replace(/\./g, '') !== code);
  return aliases.length > 0 ? { aliases } : {};
}

function main(): void {
  const entries = [
    ...isoCountries(),
    { code: NON_REPRESENTING_COUNTRY, name: 'Non-representing', common: false },
    { code: OTHER_COUNTRY, name: 'Other', common: false },
  ].sort((a, b) => a.code.localeCompare(b.code));

  const unknownCommon = [...COMMON_COUNTRY_CODES].filter((code) => !entries.some((entry) => entry.code === code));
  if (unknownCommon.length > 0) throw new Error(`Common codes missing from the package: ${unknownCommon.join(', ')}`);

  // One entry a line keeps the file readable and its diffs small when the package renames a country.
  const text = `{\n  "countries": [\n${entries.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n')}\n  ]\n}\n`;
  parseStaticFile('countries', text);
  writeFileSync(OUTPUT, text);
  console.log(`Wrote ${entries.length} countries (${COMMON_COUNTRY_CODES.size} common) to ${OUTPUT}`);
}

main();
