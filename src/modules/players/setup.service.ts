import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { StaticDataService } from '../static-data/static-data.service';
import { ActionLogEntry } from '../logging/significant-actions';
import { SetupDraft } from './domain/setup-draft';
import { FieldError, validateSetup } from './domain/setup-validation';
import { PlayerRecord } from './player-record';
import { PlayerDirectory } from './player-directory';
import { PlayerIdentity, PlayersRepository, SetupValues } from './players.repository';
import { PlayerUpdates } from './player-updates';
import { Choice, countryChoice } from './domain/choice';

export type FormResult = { ok: true; draft: SetupDraft } | { ok: false; draft: SetupDraft; errors: FieldError[] };

const SETTINGS: Array<[keyof SetupValues, string]> = [
  ['playerName', 'player_name'],
  ['battletag', 'battletag'],
  ['altPlayerName1', 'alt_player_name_1'],
  ['altPlayerName2', 'alt_player_name_2'],
  ['country', 'country'],
  ['region', 'region'],
];

/** /setup: a form, a country, a region, a preview, then one write of everything. */
@Injectable()
export class SetupService {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly repository: PlayersRepository,
    private readonly staticData: StaticDataService,
    private readonly updates: PlayerUpdates,
    private readonly clock: Clock,
  ) {}

  /** The form pre-filled with what the player has now, from memory. */
  draftFor(discordId: string): SetupDraft {
    const player = this.directory.get(discordId);
    return {
      userId: player?.playerName ?? '',
      battletag: player?.battletag ?? '',
      alt1: player?.altPlayerName1 ?? '',
      alt2: player?.altPlayerName2 ?? '',
      country: player?.country ?? undefined,
      region: player?.region ?? undefined,
    };
  }

  submitForm(draft: SetupDraft): FormResult {
    const result = validateSetup(draft);
    return result.ok ? { ok: true, draft } : { ok: false, draft, errors: result.errors };
  }

  /** A country the draft already has (from the saved profile), which the player may keep. */
  currentCountry(draft: SetupDraft): Choice | undefined {
    return draft.country ? this.countries().get(draft.country) : undefined;
  }

  keepCountry(draft: SetupDraft): SetupDraft {
    if (!draft.country || !this.staticData.catalog.country(draft.country)) throw stale();
    return draft;
  }

  chooseCountry(draft: SetupDraft, code: string): SetupDraft {
    if (!this.commonCountries().some((country) => country.code === code)) throw stale();
    return { ...draft, country: code };
  }

  chooseRegion(draft: SetupDraft, code: string): SetupDraft {
    if (!this.staticData.catalog.region(code)) throw stale();
    return { ...draft, region: code };
  }

  /** Writes every field at once, with a log row for the completion and one per changed field. */
  async complete(who: PlayerIdentity, draft: SetupDraft, intentKey: string): Promise<SetupDraft> {
    const values = this.valuesOf(draft);
    const at = this.clock.now();
    const before = this.directory.get(who.discordId);
    const player = await this.repository.completeSetup(who, values, at, this.logEntries(who.discordId, before, values, intentKey, at));
    await this.updates.apply(who.discordId, player);
    return draft;
  }

  commonCountries(): Choice[] {
    const catalog = this.staticData.catalog;
    return catalog.commonCountries().map((country) => countryChoice(catalog, country.code)!);
  }

  countries(): Map<string, Choice> {
    const catalog = this.staticData.catalog;
    return new Map(catalog.countries().map((country) => [country.code, countryChoice(catalog, country.code)!]));
  }

  regions(): Choice[] {
    return this.staticData.catalog.regions().map((region) => ({ code: region.code, name: region.name }));
  }

  regionsByCode(): Map<string, Choice> {
    return new Map(this.regions().map((region) => [region.code, region]));
  }

  private valuesOf(draft: SetupDraft): SetupValues {
    const result = validateSetup(draft);
    const catalog = this.staticData.catalog;
    if (!result.ok || !draft.country || !catalog.country(draft.country) || !draft.region || !catalog.region(draft.region)) throw stale();
    return { ...result.identity, country: draft.country, region: draft.region };
  }

  private logEntries(discordId: string, before: PlayerRecord | undefined, values: SetupValues, intentKey: string, at: Date): ActionLogEntry[] {
    const common = { discordId, changedBy: 'player', at };
    const changed = SETTINGS.filter(([field]) => (before?.[field] ?? null) !== values[field]).map(([field, setting]) => ({
      ...common,
      idempotencyKey: `${intentKey}:${setting}`,
      action: 'setup_field_changed' as const,
      settingName: setting,
      oldValue: before?.[field] ?? null,
      newValue: values[field],
    }));
    return [{ ...common, idempotencyKey: intentKey, action: 'setup_completed', newValue: values.playerName }, ...changed];
  }
}

function stale(): InteractionRefusal {
  return new InteractionRefusal('Setup out of date', 'This setup message no longer holds a valid profile. Run /setup again.');
}
