/** A step of the ladder as the benchmark measures it, its round-trip budget and the founding plan's target. */
export interface StepBudget {
  step: string;
  /** Round trips the optimised bot may pay for the whole step, acknowledgement and writes after it included. */
  budget: number;
  /** The founding plan's "after" figure, where it names one. */
  target?: string;
}

/** Every step, in the order a repetition plays them. Acknowledging any interaction costs 0 round trips. */
export const LADDER_STEPS: readonly StepBudget[] = [
  { step: 'guard: a stranger runs /profile', budget: 0 },
  { step: '/help', budget: 0 },
  { step: '/termsofservice', budget: 0 },
  { step: 'terms Accept', budget: 1 },
  { step: '/setup (opens the form)', budget: 0 },
  { step: 'setup form submitted', budget: 0 },
  { step: 'setup country chosen', budget: 0 },
  { step: 'setup region chosen', budget: 0 },
  { step: 'setup Confirm', budget: 1, target: 'setup 1-2 s' },
  { step: '/setcountry autocomplete', budget: 0 },
  { step: '/setcountry', budget: 0 },
  { step: 'setcountry Confirm', budget: 1 },
  { step: '/profile (cold)', budget: 1, target: 'profile 0.3-0.5 s' },
  { step: '/profile (warm)', budget: 0 },
  { step: '/history (cold)', budget: 1 },
  { step: '/history (warm)', budget: 0 },
  { step: '/queue (opens)', budget: 0 },
  { step: 'queue race chosen (preferences saved)', budget: 1 },
  { step: 'queue Join', budget: 1, target: 'queue 0.5-1 s' },
  { step: 'queue Leave', budget: 1 },
  { step: 'wave: a match created', budget: 2 },
  { step: 'match Confirm (first)', budget: 1 },
  { step: 'match Confirm (second: the card)', budget: 1 },
  { step: 'report chosen', budget: 0 },
  { step: 'report Confirm (first report)', budget: 1 },
  { step: 'report Confirm (completes: both ratings)', budget: 1 },
  { step: '/leaderboard (first page)', budget: 0 },
  { step: 'leaderboard filtered page', budget: 0 },
  { step: '/admin resolve (preview)', budget: 0 },
  { step: 'admin resolve Confirm', budget: 1 },
  { step: 'match Abort (asks)', budget: 0 },
  { step: 'match Confirm abort', budget: 1 },
];
