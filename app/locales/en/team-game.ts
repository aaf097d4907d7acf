/** Strings of the team's shared weekly goal, the optional leaderboard, and the brief panel during play. */
export const teamGame = {} as const;
