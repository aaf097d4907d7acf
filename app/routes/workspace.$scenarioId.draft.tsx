import { json, type ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { saveDraft } from "~/workspace/edit.server";
import { editorProblems } from "~/workspace/editor-view.server";
import { readDraftForm, workspaceFailure } from "~/workspace/routes.server";

/** Autosave: the editor posts the draft here as the trainer types; the answer carries the new revision and the check. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const draft = await readDraftForm(request);
  try {
    const saved = await saveDraft(params.scenarioId ?? "", draft.source, draft.revision, user.id);
    return json({ revision: saved.revision, savedAt: new Date().toISOString(), problems: editorProblems(saved.check.problems) });
  } catch (error) {
    return workspaceFailure(error);
  }
}

export function loader() {
  throw new Response("Post the draft to this address.", { status: 405 });
}
