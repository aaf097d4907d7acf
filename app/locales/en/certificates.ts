/** Strings of core scenarios and certificates. */
export const certificates = {} as const;
