/**
 * The words of real helpdesk outcomes, shared by the import, the API, the page and the browser:
 * the rating scales and what "satisfied" means on each. No imports, like vocabulary.ts.
 */

export const RATING_SCALES = ["good-bad", "1-5", "1-10", "0-10"] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

/** The fields of one helpdesk outcome, as the generic template names its columns. */
export const OUTCOME_FIELDS = ["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact", "reopened", "channel"] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];
export const REQUIRED_OUTCOME_FIELDS = ["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact"] as const satisfies readonly OutcomeField[];

/** Uploads above this are refused with 413 before they are read. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** How long outcomes are kept, counted from the ticket's time (DEVELOPERS.md, "Real outcomes"). */
export const OUTCOME_RETENTION_MONTHS = 24;
