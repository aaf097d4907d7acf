/** Strings of one feature, kept in their own file so that its page and its copy change together. */
export const apiTokens = {} as const;
