import { QueueSelection } from './domain/queue-selection';
import { QueuePopulation } from './queued-player';

export interface Named {
  code: string;
  name: string;
}

/** What a /queue message shows: the choices, the search, or the match the player is in. */
export type QueueView =
  | { kind: 'choosing'; selection: QueueSelection; version: number; pool: Named[]; bwRaces: Named[]; sc2Races: Named[]; note?: string }
  | {
      kind: 'searching';
      since: Date;
      races: Array<{ name: string; rating: number }>;
      vetoes: string[];
      /** At this refresh: the player's own click. */
      population: QueuePopulation;
      waveSeconds: number;
      note?: string;
    }
  | { kind: 'in_match'; matchId: number | null; since: Date | null };
