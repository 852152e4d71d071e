import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { StaticDataService } from '../static-data/static-data.service';
import { ActionLogEntry } from '../logging/significant-actions';
import { Choice, countryChoice } from './domain/choice';
import { DraftLabels, SetupDraft, SetupStep } from './domain/setup-draft';
import { SetupInput, validateSetup } from './domain/setup-validation';
import { PlayerRecord } from './player-record';
import { PlayerDirectory } from './player-directory';
import { PlayerUpdates } from './player-updates';
import { PlayerIdentity, PlayersRepository, SetupValues } from './players.repository';

const SETTINGS: Array<[keyof SetupValues, string]> = [
  ['playerName', 'player_name'],
  ['battletag', 'battletag'],
  ['altPlayerName1', 'alt_player_name_1'],
  ['altPlayerName2', 'alt_player_name_2'],
  ['country', 'country'],
  ['region', 'region'],
];

/** /setup: a form, a country, a region, a preview, then one write of everything. Each step from memory but the last. */
@Injectable()
export class SetupService {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly repository: PlayersRepository,
    private readonly staticData: StaticDataService,
    private readonly updates: PlayerUpdates,
    private readonly clock: Clock,
  ) {}

  /** The form pre-filled with what the player has now. */
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

  /** The form's values checked; country and region carry over from the message's draft, or the saved profile. */
  submitForm(discordId: string, input: SetupInput, previous: SetupDraft | undefined): SetupStep {
    const carried = previous ?? this.draftFor(discordId);
    const draft: SetupDraft = { ...input, country: carried.country, region: carried.region };
    const result = validateSetup(draft);
    if (!result.ok) return { step: 'errors', draft, labels: this.labels(draft), errors: result.errors };
    const catalog = this.staticData.catalog;
    return { step: 'country', draft, labels: this.labels(draft), countries: catalog.commonCountries().map((country) => countryChoice(catalog, country.code)!) };
  }

  chooseCountry(draft: SetupDraft, code: string): SetupStep {
    if (!this.staticData.catalog.commonCountries().some((country) => country.code === code)) throw stale();
    return this.regionStep({ ...draft, country: code });
  }

  /** Keeps a country the draft already has, which may be one the common lists do not offer. */
  keepCountry(draft: SetupDraft): SetupStep {
    if (!draft.country || !this.staticData.catalog.country(draft.country)) throw stale();
    return this.regionStep(draft);
  }

  /** The preview, whose Confirm acts on the player's settings as they are now. */
  chooseRegion(discordId: string, draft: SetupDraft, code: string): SetupStep {
    if (!this.staticData.catalog.region(code)) throw stale();
    const chosen = { ...draft, region: code };
    return { step: 'preview', draft: chosen, labels: this.labels(chosen), rev: this.revisionOf(discordId) };
  }

  /**
   * Writes every field at once, with a log row for the completion and one per changed field; writes
   * nothing when nothing changed. A preview older than the profile is shown again, its draft kept.
   */
  async complete(who: PlayerIdentity, draft: SetupDraft, rev: number, intentKey: string): Promise<SetupStep> {
    const values = this.valuesOf(draft);
    const at = this.clock.now();
    const before = this.directory.get(who.discordId);
    const entries = this.logEntries(who.discordId, before, values, intentKey, at);
    const done: SetupStep = { step: 'done', draft, labels: this.labels(draft) };
    if (before?.setupCompletedAt && before.rev === rev && entries.length === 1 && this.directory.trusts(who.discordId)) return done;

    const write = await this.updates.write(who.discordId, () => this.repository.completeSetup(who, values, rev, at, entries));
    if (write.status !== 'stale') return done;
    return { step: 'preview', draft, labels: this.labels(draft), rev: write.player?.rev ?? 0, outdated: true };
  }

  private revisionOf(discordId: string): number {
    return this.directory.get(discordId)?.rev ?? 0;
  }

  private regionStep(draft: SetupDraft): SetupStep {
    const regions: Choice[] = this.staticData.catalog.regions().map((region) => ({ code: region.code, name: region.name }));
    return { step: 'region', draft, labels: this.labels(draft), regions };
  }

  private labels(draft: SetupDraft): DraftLabels {
    const catalog = this.staticData.catalog;
    const region = draft.region ? catalog.region(draft.region) : undefined;
    return {
      country: draft.country ? countryChoice(catalog, draft.country) : undefined,
      region: region && { code: region.code, name: region.name },
    };
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
