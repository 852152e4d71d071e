/** What an admin may give a rating (LADDER.md, Rating: whole numbers). */
export const RATING_RANGE = { min: 0, max: 5000 } as const;
