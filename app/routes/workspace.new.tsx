import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { newScenarioMode, submitNewScenario } from "~/workspace/new-form.server";
import { orNotFound } from "~/workspace/routes.server";
import "~/locales/en/workspace";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("workspace.create.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  return json({ mode: await orNotFound(newScenarioMode(new URL(request.url))) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const result = await submitNewScenario(request, user.id);
  if ("id" in result) return redirect(`/workspace/${result.id}`);
  if (result.error.status === 404) throw new Response(result.error.message, { status: 404 });
  return json({ message: result.error.message, field: result.error.field, values: result.values }, { status: result.error.status });
}

export default function NewScenario() {
  const { t } = useTranslation();
  const { mode } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorFor = (field: string) => (failed?.field === field ? failed.message : null);
  const general = failed && !["id", "title", "file"].includes(failed.field ?? "") ? failed.message : null;
  const heading =
    mode.kind === "duplicate" ? t("workspace.create.duplicateTitle", { title: mode.fromTitle }) : mode.kind === "import" ? t("workspace.create.importTitle") : t("workspace.create.title");
  const intro = mode.kind === "duplicate" ? t("workspace.create.duplicateIntro") : mode.kind === "import" ? t("workspace.create.importIntro") : t("workspace.create.intro");
  const field = (name: "title" | "id" | "file", label: string, hint: string, input: JSX.Element) => (
    <div className="field">
      <label htmlFor={`new-${name}`}>{label}</label>
      <p className="hint" id={`new-${name}-hint`}>
        {hint}
      </p>
      {input}
      <p className="field-error" id={`new-${name}-error`} role={errorFor(name) ? "alert" : undefined}>
        {errorFor(name)}
      </p>
    </div>
  );
  const described = (name: string) => `new-${name}-hint new-${name}-error`;
  return (
    <div className="stack-lg narrow-wide">
      <header className="page-header">
        <p>
          <Link to="/library">← {t("workspace.create.cancel")}</Link>
        </p>
        <h1>{heading}</h1>
        <p className="lead">{intro}</p>
      </header>
      {general ? (
        <p className="form-errors" role="alert">
          {general}
        </p>
      ) : null}
      <Form method="post" encType={mode.kind === "import" ? "multipart/form-data" : undefined} className="card stack" noValidate>
        <input type="hidden" name="mode" value={mode.kind} />
        {mode.kind === "duplicate" ? <input type="hidden" name="from" value={mode.fromId} /> : null}
        {mode.kind === "new"
          ? field(
              "title",
              t("workspace.create.titleLabel"),
              t("workspace.create.titleHint"),
              <input
                id="new-title"
                name="title"
                type="text"
                maxLength={120}
                required
                defaultValue={failed?.values.title}
                aria-invalid={errorFor("title") ? true : undefined}
                aria-describedby={described("title")}
              />,
            )
          : null}
        {mode.kind === "import"
          ? field(
              "file",
              t("workspace.create.fileLabel"),
              "",
              <input id="new-file" name="file" type="file" accept=".mdx,text/markdown,text/plain" required aria-invalid={errorFor("file") ? true : undefined} aria-describedby={described("file")} />,
            )
          : null}
        {field(
          "id",
          t("workspace.create.idLabel"),
          mode.kind === "import" ? `${t("workspace.create.idHint")} ${t("workspace.create.idHintImport")}` : t("workspace.create.idHint"),
          <input
            id="new-id"
            name="id"
            type="text"
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            required={mode.kind === "duplicate"}
            defaultValue={failed?.values.id}
            aria-invalid={errorFor("id") ? true : undefined}
            aria-describedby={described("id")}
          />,
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {mode.kind === "duplicate" ? t("workspace.create.duplicate") : mode.kind === "import" ? t("workspace.create.import") : t("workspace.create.create")}
          </button>
        </div>
      </Form>
    </div>
  );
}
