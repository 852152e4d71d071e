import { StaticCatalog } from '../../static-data/domain/static-catalog';

/** One option a player picks from: a country or a region, with its flag where it has one. */
export interface Choice {
  code: string;
  name: string;
  flag?: string;
}

export function countryChoice(catalog: StaticCatalog, code: string): Choice | undefined {
  const country = catalog.country(code);
  return country && { code: country.code, name: country.name, flag: catalog.flag(country.code) };
}
