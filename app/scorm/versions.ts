/** The SCORM editions Frontline packages, as the download forms and the launch URL name them. Safe for the browser. */
export const SCORM_VERSIONS = ["1.2", "2004"] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

export function isScormVersion(value: unknown): value is ScormVersion {
  return typeof value === "string" && (SCORM_VERSIONS as readonly string[]).includes(value);
}

/** What Frontline's window posts to the package's launch page when the launched attempt's debrief is reached. */
export const ATTEMPT_ENDED = "frontline:attempt-ended";
/**
 * `passMark` is the one `passed` was judged by (the admin's setting at that moment), for the package page to name: the
 * package's own copy dates from its download. A package downloaded before it was sent ignores it.
 */
export type AttemptEndedMessage = { type: typeof ATTEMPT_ENDED; scenarioId: string; score: number | null; passed: boolean; completed: boolean; passMark: number };

/** What a launched attempt's debrief posts, and to which origin (the package's launch page). */
export type ScormReport = { origin: string; message: AttemptEndedMessage };
