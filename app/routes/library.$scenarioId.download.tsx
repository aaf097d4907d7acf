import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { downloadSource } from "~/workspace/download.server";
import { orNotFound } from "~/workspace/routes.server";
import { SCENARIO_ID } from "~/workspace/source";

/** "Download .mdx": any scenario's text as a file; `?draft=1` gives a workspace scenario's draft. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  if (!SCENARIO_ID.test(scenarioId)) throw new Response("No such scenario.", { status: 404 });
  const draft = new URL(request.url).searchParams.get("draft") === "1";
  const { fileName, source } = await orNotFound(downloadSource(scenarioId, { draft }));
  return new Response(source, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
