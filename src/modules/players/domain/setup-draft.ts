import { Choice } from './choice';
import { FieldError, SetupInput } from './setup-validation';

/** A setup in progress: what the modal gave, then the country and region picked. */
export interface SetupDraft extends SetupInput {
  country?: string;
  region?: string;
}

/** The names shown beside the draft's codes. */
export interface DraftLabels {
  country?: Choice;
  region?: Choice;
}

/** A setup message to show: the draft, the labels of its codes, and what the next step offers. */
export type SetupStep =
  | { step: 'errors'; draft: SetupDraft; labels: DraftLabels; errors: FieldError[] }
  | { step: 'country'; draft: SetupDraft; labels: DraftLabels; countries: Choice[] }
  | { step: 'region'; draft: SetupDraft; labels: DraftLabels; regions: Choice[] }
  /** `rev`: the settings revision Confirm acts on; `outdated`: an earlier Confirm found the profile changed since. */
  | { step: 'preview'; draft: SetupDraft; labels: DraftLabels; rev: number; outdated?: boolean }
  | { step: 'done'; draft: SetupDraft; labels: DraftLabels };
