import { MatchRecord } from '../matches/match-record';
import { Resolution, Verdict } from './domain/resolution';
import { PreviewedState } from './admin.repository';

/** One player of a match as the admin tools show them. */
export interface AdminSide {
  name: string;
  discordId: string | undefined;
  race: string;
  ratingAtCreation: number;
}

/** A match as /admin match shows it, names looked up. */
export interface AdminMatchView {
  match: MatchRecord;
  player1: AdminSide;
  player2: AdminSide;
  map: string;
  server: string;
}

/** The preview of a resolution: what it decides, what it moves, and why. */
export interface ResolutionPreview extends AdminMatchView {
  verdict: Verdict;
  resolution: Resolution;
  previewed: PreviewedState;
  reason: string;
}

export type ResolutionOutcome =
  | { kind: 'applied'; view: AdminMatchView; verdict: Verdict; ratings: Array<{ name: string; race: string; mmr: number }> }
  | { kind: 'repeat'; view: AdminMatchView }
  | { kind: 'stale'; view: AdminMatchView };

/** Any other admin action's preview: what it will do, the reason, and the Confirm's custom id. */
export interface AdminPreview {
  title: string;
  lines: string[];
  reason: string;
  confirm: string;
}

export interface AdminOutcome {
  kind: 'applied' | 'repeat' | 'stale';
  title: string;
  lines: string[];
}
