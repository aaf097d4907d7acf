import { SKILLS } from "~/domain/vocabulary";

// The outcomes report's fixed terms, safe for the browser (the page's forms use them).

/** Overall mastery at which training counts as done, for the before-and-after comparison. */
export const MILESTONE_MASTERY = 70;

/** What the scatter can put on its x axis: overall mastery, or one skill's. */
export const MASTERY_KEYS = ["overall", ...SKILLS] as const;
export type MasteryKey = (typeof MASTERY_KEYS)[number];

/** Weeks either side of the milestone: the default, and the most the page allows. */
export const DEFAULT_WEEKS = 4;
export const MAX_WEEKS = 12;
