import { Report } from './domain/reports';

/** One player of a match as a message shows them. */
export interface MatchSideView {
  name: string;
  battletag: string | null;
  alts: string[];
  /** Flag and name. */
  country: string;
  race: string;
  rating: number;
  /** The race's letter rank and position now, or unranked. */
  rank: string;
  /** Estimated round trip to the match's server, in ms. */
  rttMs: number;
}

interface MatchBasics {
  matchId: number;
  map: { name: string; link: string | undefined };
  server: { code: string; name: string };
}

/** One player's match DM, from found to played: what it shows depends on who reads it. */
export type MatchView =
  | (MatchBasics & {
      kind: 'found';
      you: MatchSideView;
      opponent: MatchSideView;
      confirmBy: Date;
      youConfirmed: boolean;
      opponentConfirmed: boolean;
      abortsLeft: number;
      abortsPerMonth: number;
      /** Abort was clicked: the second click confirms it. */
      confirmingAbort: boolean;
      note?: string;
    })
  | (MatchBasics & {
      kind: 'card';
      bw: MatchSideView;
      sc2: MatchSideView;
      lobbyChannel: string;
      reportBy: Date | null;
      yourReport: Report | null;
      /** The reader's report revision, which their report buttons act on. */
      reportRev: number;
      opponent: string;
      opponentReported: boolean;
      /** A report chosen and awaiting its Confirm. */
      choosing?: Report;
      note?: string;
    })
  | (MatchBasics & { kind: 'completed'; outcome: string; ratings: Array<{ name: string; race: string; before: number; after: number }>; decidedBy: 'reports' | 'deadline' | 'admin' })
  | (MatchBasics & { kind: 'conflict'; yourReport: Report | null; theirReport: Report | null; opponent: string })
  | (MatchBasics & { kind: 'cancelled'; byAdmin: boolean })
  | (MatchBasics & { kind: 'aborted'; byYou: boolean; abortedBy: string; abortsLeft: number })
  | (MatchBasics & { kind: 'timed_out'; missing: string[] });
