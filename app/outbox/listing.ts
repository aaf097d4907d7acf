/** How many rows of each status the queue page lists (shared with the page, so not in a .server module). */
export const LISTED = { pending: 100, failed: 100, sent: 50 } as const;
