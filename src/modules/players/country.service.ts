import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { quoted } from '../../common/text/quoted';
import { StaticDataService } from '../static-data/static-data.service';
import { Choice, countryChoice } from './domain/choice';
import { PlayerDirectory } from './player-directory';
import { PlayerIdentity, PlayersRepository } from './players.repository';
import { PlayerUpdates } from './player-updates';

export interface CountryChange {
  from?: Choice;
  to: Choice;
  /** The settings revision Confirm acts on. */
  rev: number;
  /** `saved`: written; `stale`: the player's settings changed since the preview, nothing was written. */
  outcome?: 'saved' | 'stale';
}

/** /setcountry: every country, found as the player types, previewed, then one write. */
@Injectable()
export class CountryService {
  constructor(
    private readonly staticData: StaticDataService,
    private readonly directory: PlayerDirectory,
    private readonly repository: PlayersRepository,
    private readonly updates: PlayerUpdates,
    private readonly clock: Clock,
  ) {}

  suggest(typed: string): Choice[] {
    const catalog = this.staticData.catalog;
    const found = typed.trim() === '' ? catalog.countries().slice(0, 25) : catalog.searchCountries(typed, 25);
    return found.map((country) => this.choice(country.code)!);
  }

  /** What the player typed or picked, as a change to preview; refused when no country matches. */
  preview(discordId: string, typed: string): CountryChange {
    const catalog = this.staticData.catalog;
    const country = catalog.country(typed.trim().toUpperCase()) ?? catalog.resolveCountry(typed);
    if (!country) throw new InteractionRefusal('Unknown country', `country: no country matches ${quoted(typed)}. Pick one of the suggestions as you type.`);
    return this.changeTo(discordId, country.code);
  }

  /** Sets the country shown at revision `rev`; a preview older than the player's settings is shown again instead. */
  async change(who: PlayerIdentity, code: string, rev: number, intentKey: string): Promise<CountryChange> {
    const to = this.choice(code);
    if (!to) throw new InteractionRefusal('Unknown country', `country: ${quoted(code)} is not a country code.`);
    const known = this.directory.get(who.discordId);
    const before = known?.country ?? null;
    if (known?.rev === rev && before === code && this.directory.trusts(who.discordId)) return { ...this.changeTo(who.discordId, code), outcome: 'saved' };
    const at = this.clock.now();
    const entry = { idempotencyKey: intentKey, discordId: who.discordId, action: 'country_changed' as const, settingName: 'country', oldValue: before, newValue: code, changedBy: 'player', at };
    const write = await this.updates.write(who.discordId, () => this.repository.setCountry(who, code, rev, at, [entry]));
    if (write.status === 'stale') return { ...this.changeTo(who.discordId, code), outcome: 'stale' };
    return { from: before ? this.choice(before) : undefined, to, rev: write.player?.rev ?? rev, outcome: 'saved' };
  }

  private changeTo(discordId: string, code: string): CountryChange {
    const player = this.directory.get(discordId);
    const current = player?.country;
    return { from: current ? this.choice(current) : undefined, to: this.choice(code)!, rev: player?.rev ?? 0 };
  }

  private choice(code: string): Choice | undefined {
    return countryChoice(this.staticData.catalog, code);
  }
}
