import { createCookie } from "@remix-run/node";
import * as z from "zod";
import { inProgressAttemptId, startAttempt } from "~/attempts/start.server";
import { config } from "~/config.server";
import { passMarkNow } from "~/grading/pass-mark.server";
import { findPublishedScenario } from "~/library/catalog.server";
import { SCENARIO_ID } from "~/workspace/source";
import { ATTEMPT_ENDED, SCORM_VERSIONS, type ScormReport } from "./versions";

/**
 * Frontline's side of a SCORM launch. The package's page opens `/scorm/launch?scenario=…&v=…&origin=…` in a new
 * window; the learner signs in there as usual and starts the attempt, which is remembered (attempt id and the
 * platform page's origin) in a signed cookie. When that attempt's debrief is shown, the page posts the result to
 * `window.opener` with that origin as the target, so no other page can read it.
 *
 * The origin comes from the link, which anyone can write: a page could open this route naming itself. It would
 * then receive the score of an attempt that the learner started by pressing Start on a page that names that
 * origin, in a window that page opened, and nothing else (no history, no name, no other attempt). That is the same
 * score the learner's own platform receives, which is not secret from the learner's side of the screen.
 */

export type LaunchParams = { scenarioId: string; version: (typeof SCORM_VERSIONS)[number]; origin: string };

export type LaunchProblem = { key: "missing"; name: string } | { key: "badScenario" | "badVersion" | "badOrigin" };

/** An http(s) origin exactly as `URL.origin` writes it: scheme, host and port, no path, no credentials. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

const Params = z.object({
  scenario: z.string().max(64).regex(SCENARIO_ID),
  v: z.enum(SCORM_VERSIONS),
  origin: z.string().max(300).refine(isOrigin),
});

const PROBLEM_OF: Record<keyof z.infer<typeof Params>, "badScenario" | "badVersion" | "badOrigin"> = { scenario: "badScenario", v: "badVersion", origin: "badOrigin" };

/** The launch link's parameters (from the URL, or the Start form's hidden fields), or the first problem with them. */
export function parseLaunch(read: (name: string) => string | null): LaunchParams | LaunchProblem {
  for (const name of ["scenario", "v", "origin"] as const) if (!read(name)) return { key: "missing", name };
  const parsed = Params.safeParse({ scenario: read("scenario"), v: read("v"), origin: read("origin") });
  if (parsed.success) return { scenarioId: parsed.data.scenario, version: parsed.data.v, origin: parsed.data.origin };
  const field = parsed.error.issues[0]?.path[0] as keyof typeof PROBLEM_OF;
  return { key: PROBLEM_OF[field] ?? "badOrigin" };
}

export function isLaunchProblem(value: LaunchParams | LaunchProblem): value is LaunchProblem {
  return "key" in value;
}

// ---------------------------------------------------------------------------------------------
// The launched attempts, in a signed cookie: a learner may launch a few activities from their platform in turn.

const LAUNCHES_KEPT = 5;
const Launch = z.object({ attemptId: z.number().int().positive(), scenarioId: z.string().regex(SCENARIO_ID), origin: z.string().refine(isOrigin) });
type Launch = z.infer<typeof Launch>;

const launchCookie = createCookie("frontline_scorm", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: config().production,
  secrets: [config().sessionSecret],
  // Long enough for a conversation left open over a working day.
  maxAge: 24 * 60 * 60,
});

async function launchesIn(request: Request): Promise<Launch[]> {
  const value: unknown = await launchCookie.parse(request.headers.get("Cookie"));
  const parsed = z.array(Launch).max(LAUNCHES_KEPT).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The Set-Cookie header that remembers this attempt as launched from the platform page at `origin`. */
export async function rememberLaunch(request: Request, launch: Launch): Promise<string> {
  const kept = (await launchesIn(request)).filter((earlier) => earlier.attemptId !== launch.attemptId);
  return launchCookie.serialize([launch, ...kept].slice(0, LAUNCHES_KEPT));
}

/** What the debrief of `attemptId` posts to its opener, when that attempt was launched from a SCORM package. */
export async function scormReportFor(request: Request, debrief: { attemptId: number; scenarioId: string; overall: number | null; ended: boolean }): Promise<ScormReport | null> {
  const launch = (await launchesIn(request)).find((candidate) => candidate.attemptId === debrief.attemptId && candidate.scenarioId === debrief.scenarioId);
  if (!launch) return null;
  const score = debrief.overall === null ? null : Math.round(debrief.overall);
  // Judged when the debrief is shown, by the pass mark in force then (as the xAPI "completed" statement is).
  const passMark = await passMarkNow();
  return {
    origin: launch.origin,
    message: { type: ATTEMPT_ENDED, scenarioId: debrief.scenarioId, score, passed: score !== null && score >= passMark, completed: debrief.ended, passMark },
  };
}

// ---------------------------------------------------------------------------------------------
// The launch page and its Start form.

export type LaunchView = { scenarioId: string; version: LaunchParams["version"]; origin: string; title: string; summary: string; inProgress: boolean; passMark: number };

/** What the launch page shows, or null when no published scenario has that id. */
export async function launchView(userId: number, params: LaunchParams): Promise<LaunchView | null> {
  const entry = await findPublishedScenario(params.scenarioId);
  if (!entry) return null;
  const [inProgress, passMark] = await Promise.all([inProgressAttemptId(userId, params.scenarioId).then((id) => id !== null), passMarkNow()]);
  return { ...params, title: entry.scenario.title, summary: entry.scenario.summary, inProgress, passMark };
}

/**
 * Starts the launched attempt (or takes up the unfinished one, when the learner chose to continue) and returns its
 * id with the cookie that ties it to the platform page. Throws AttemptError for an unpublished scenario.
 */
export async function startLaunchedAttempt(request: Request, userId: number, params: LaunchParams, resume: boolean): Promise<{ attemptId: number; setCookie: string }> {
  const unfinished = resume ? await inProgressAttemptId(userId, params.scenarioId) : null;
  const attemptId = unfinished ?? (await startAttempt(userId, params.scenarioId));
  return { attemptId, setCookie: await rememberLaunch(request, { attemptId, scenarioId: params.scenarioId, origin: params.origin }) };
}
