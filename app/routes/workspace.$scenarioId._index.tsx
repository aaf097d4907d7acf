import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { DraftEditor } from "~/components/workspace/draft-editor";
import { editorStyles } from "~/components/workspace/scenario-editor";
import { WorkspaceHeader } from "~/components/workspace/workspace-nav";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { publishDraft, saveDraft, saveVersion } from "~/workspace/edit.server";
import { editorView } from "~/workspace/editor-view.server";
import { orNotFound, readEditorPost, rethrowNotFound } from "~/workspace/routes.server";
import { WorkspaceError } from "~/workspace/errors";
import "~/locales/en/workspace";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }, ...editorStyles()];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => t("workspace.editor.title", { title: data?.view.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  return json({ view: await orNotFound(editorView(params.scenarioId ?? "")) }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const id = params.scenarioId ?? "";
  const post = await readEditorPost(request);
  try {
    if (post.intent === "check") {
      await saveDraft(id, post.source, post.revision, user.id);
      return redirect(`/workspace/${id}?checked=1`);
    }
    if (post.intent === "save") {
      const saved = await saveVersion(id, post.source, post.revision, post.note, user.id);
      return redirect(`/workspace/${id}?${saved.created ? "saved" : "same"}=${saved.version}`);
    }
    const published = await publishDraft(id, post.source, post.revision, user.id);
    return redirect(`/workspace/${id}?published=${published.version}`);
  } catch (error) {
    if (!(error instanceof WorkspaceError) || error.status === 404) rethrowNotFound(error);
    // The text that was posted comes back: a refusal never loses what the trainer typed. After a
    // conflict the old revision comes back too, so saving again keeps refusing until a reload.
    const conflict = error.status === 409;
    return json(
      { refusal: { message: error.message, conflict }, source: conflict || error.status === 413 || error.status === 429 ? post.source : null, revision: conflict ? post.revision : null },
      { status: error.status },
    );
  }
}

export default function EditScenario() {
  const { t } = useTranslation();
  const { view } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("published")
    ? t("workspace.editor.published", { version: params.get("published") })
    : params.get("saved")
      ? t("workspace.editor.savedVersion", { version: params.get("saved") })
      : params.get("same")
        ? t("workspace.editor.sameVersion", { version: params.get("same") })
        : params.get("checked")
          ? t("workspace.editor.checked")
          : null;
  return (
    <div className="stack-lg">
      <WorkspaceHeader scenarioId={view.id} current="edit" title={t("workspace.editor.title", { title: view.title })}>
        <p className="workspace-status">
          <strong>
            {view.archived
              ? t("workspace.editor.statusArchived")
              : view.publishedVersion === null
                ? t("workspace.editor.statusDraft")
                : t("workspace.editor.statusPublished", { version: view.publishedVersion })}
          </strong>
          {view.publishedVersion !== null ? <span className="muted">{view.draftIsLive ? t("workspace.editor.upToDate") : t("workspace.editor.unpublishedChanges")}</span> : null}
        </p>
      </WorkspaceHeader>
      {notice && !refused ? (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      ) : null}
      <DraftEditor
        key={view.id}
        scenarioId={view.id}
        source={refused?.source ?? view.source}
        revision={refused?.revision ?? view.revision}
        savedAt={view.savedAt}
        problems={view.problems}
        refusal={refused?.refusal ?? null}
      />
    </div>
  );
}
