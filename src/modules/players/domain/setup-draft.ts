import { SetupInput } from './setup-validation';

/** A setup in progress: what the modal gave, then the country and region picked. */
export interface SetupDraft extends SetupInput {
  country?: string;
  region?: string;
}
