import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { scormDownload } from "~/scorm/download.server";
import { SCENARIO_ID } from "~/workspace/source";

/** "Download SCORM package" for one published scenario: `?v=1.2` or `?v=2004`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  if (!SCENARIO_ID.test(scenarioId)) throw new Response("No such scenario.", { status: 404 });
  return scormDownload(request, scenarioId);
}
