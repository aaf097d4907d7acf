/** Strings of assignments and skill pathways. */
export const assignments = {} as const;
