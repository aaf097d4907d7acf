import type { TFunction } from "i18next";
import { i18next } from "~/i18n/i18next.server";
import "~/locales/en/lti";
import { LaunchProblem } from "./claims";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The key is one of the problems' (typed by ProblemCode); i18next's types cannot follow a template key to its values.
const message = (t: TFunction, problem: LaunchProblem): string => (t as (key: string, options: Record<string, string>) => string)(`lti.problems.${problem.code}`, problem.params);

/**
 * The answer to a refused login or launch: a small page that names the problem, with its status, no session and no
 * cache. Plain HTML (like the server's own refusals), because it often shows inside the platform's frame.
 */
export async function problemResponse(request: Request, problem: LaunchProblem): Promise<Response> {
  const t = await i18next.getFixedT(request);
  const title = t("lti.problemTitle");
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t("meta.title", { page: title }))}</title><link rel="stylesheet" href="/plain.css"></head>
<body><main class="plain"><h1>${escapeHtml(title)}</h1>
<p data-problem="${problem.code}"><strong>${escapeHtml(message(t, problem))}</strong></p>
<p>${escapeHtml(t("lti.tryAgain"))}</p><p>${escapeHtml(t("lti.problemFooter"))}</p></main></body></html>`;
  return new Response(body, { status: problem.status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Runs an LTI step; a LaunchProblem becomes its page, anything else is the server's error as usual. */
export async function answerProblems(request: Request, step: () => Promise<Response>): Promise<Response> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof LaunchProblem) return problemResponse(request, error);
    throw error;
  }
}
