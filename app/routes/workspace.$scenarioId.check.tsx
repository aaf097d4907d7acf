import { json, type ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { checkWorkspaceSource } from "~/workspace/check.server";
import { editorProblems } from "~/workspace/editor-view.server";
import { readSourceForm } from "~/workspace/routes.server";

/** The live check: the editor posts the text a moment after each change; nothing is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  const source = await readSourceForm(request);
  const check = await checkWorkspaceSource(params.scenarioId ?? "", source);
  return json({ problems: editorProblems(check.problems) }, { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  throw new Response("Post the text to check to this address.", { status: 405 });
}
