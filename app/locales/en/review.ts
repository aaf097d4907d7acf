/** Strings of the review of missed decisions (spaced re-practice). */
export const review = {} as const;
