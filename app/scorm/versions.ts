/** The SCORM editions Frontline packages, as the download forms and the launch URL name them. Safe for the browser. */
export const SCORM_VERSIONS = ["1.2", "2004"] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

export function isScormVersion(value: unknown): value is ScormVersion {
  return typeof value === "string" && (SCORM_VERSIONS as readonly string[]).includes(value);
}

/**
 * The overall score (0–100) at which a launched attempt counts as passed in the learning platform. Frontline has no
 * admin setting for it yet (issue 15 asks for one with the LTI grades); until then every package says 70.
 */
export const SCORM_PASS_MARK = 70;

/** What Frontline's window posts to the package's launch page when the launched attempt's debrief is reached. */
export const ATTEMPT_ENDED = "frontline:attempt-ended";
export type AttemptEndedMessage = { type: typeof ATTEMPT_ENDED; scenarioId: string; score: number | null; passed: boolean; completed: boolean };

/** What a launched attempt's debrief posts, and to which origin (the package's launch page). */
export type ScormReport = { origin: string; message: AttemptEndedMessage };
