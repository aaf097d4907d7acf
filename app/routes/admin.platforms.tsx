import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { FieldError, FormErrors } from "~/components/form-errors";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { publishedKeys, RETIRED_KEY_DAYS, rotateSigningKey } from "~/lti/keys.server";
import { gradeQueue, parsePlatformForm, platform, platforms, removePlatform, retryGrades, savePlatform, toolValues, type Platform } from "~/lti/platforms.server";
import { GradeQueue } from "~/components/grade-queue";
import { SigningKeys } from "~/components/lti-signing-keys";
import { LtiCourses } from "~/components/lti-courses";
import { coursesView, moveCourse } from "~/lti/courses.server";
import styles from "~/styles/api-tokens.css";
import { readForm } from "~/utils/form.server";
import "~/locales/en/lti";
import "~/locales/en/xapi";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("lti.admin.title"));

type PlatformFields = { name: string; issuer: string; clientId: string; deploymentIds: string; authUrl: string; tokenUrl: string; jwksUrl: string; mapAdministrators: string };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const url = new URL(request.url);
  const editId = Number(url.searchParams.get("edit"));
  const [editing, published, list, grades, courses] = await Promise.all([
    Number.isInteger(editId) && editId > 0 ? platform(editId).then((found) => found ?? null) : null,
    publishedKeys(),
    platforms(),
    gradeQueue(),
    coursesView(),
  ]);
  const keys = published.map(({ kid, createdAt, retiredAt }) => ({ kid, createdAt, retiredAt }));
  return json({ platforms: list, editing, keys, tool: toolValues(url.origin), retiredDays: RETIRED_KEY_DAYS, grades, courses });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "rotate") {
    await rotateSigningKey();
    return redirect("/admin/platforms?rotated=1");
  }
  if (intent === "course-team") {
    const moved = await moveCourse(formData);
    if (moved.status === "unknown") throw new Response((await i18next.getFixedT(request))("lti.courses.unknown"), { status: 400 });
    const query = moved.status === "moved" ? new URLSearchParams({ moved: moved.course, to: moved.team, from: moved.oldTeam }) : new URLSearchParams({ unchanged: "1" });
    return redirect(`/admin/platforms?${query.toString()}#courses-title`);
  }
  if (intent === "retry" || intent === "retry-all") {
    const retried = await retryGrades(formData);
    if (retried === null) throw new Response("This form is not one of this page's: reload the page and try again.", { status: 400 });
    return redirect(`/admin/platforms?retried=${retried}#grades-title`);
  }
  if (intent === "delete") {
    const id = Number(formData.get("platformId"));
    if (!Number.isInteger(id) || id <= 0) throw new Response("Bad request", { status: 400 });
    await removePlatform(id);
    return redirect("/admin/platforms?deleted=1");
  }
  const t = await i18next.getFixedT(request);
  const submission = parsePlatformForm(formData, {
    required: t("lti.admin.errors.required"),
    url: t("lti.admin.errors.url"),
    tooLong: t("lti.admin.errors.tooLong"),
    deployments: t("lti.admin.errors.deployments"),
  });
  if (submission.status !== "success") return json({ reply: submission.reply() }, { status: 400 });
  const id = Number(formData.get("platformId"));
  const saved = await savePlatform(Number.isInteger(id) && id > 0 ? id : null, submission.value);
  if ("taken" in saved) return json({ reply: submission.reply({ formErrors: [t("lti.admin.errors.taken")] }) }, { status: 400 });
  return redirect(`/admin/platforms?saved=${encodeURIComponent(submission.value.name)}`);
}

function CopyValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" readOnly value={value} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
    </div>
  );
}

function PlatformForm({ editing }: { editing: Platform | null }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<PlatformFields>({
    id: editing ? `platform-${editing.id}` : "platform-new",
    lastResult: actionData?.reply,
    shouldValidate: "onSubmit",
    defaultValue: editing ? { ...editing, deploymentIds: editing.deploymentIds.join("\n"), mapAdministrators: editing.mapAdministrators ? "on" : "" } : undefined,
  });
  const text = (name: Exclude<keyof PlatformFields, "deploymentIds" | "mapAdministrators">, label: string, hint?: string) => {
    const field = fields[name];
    return (
      <div className="field">
        <label htmlFor={field.id}>{label}</label>
        {hint ? (
          <p className="hint" id={`${field.id}-hint`}>
            {hint}
          </p>
        ) : null}
        <input {...getInputProps(field, { type: "text" })} spellCheck={false} autoComplete="off" aria-describedby={`${hint ? `${field.id}-hint ` : ""}${field.errorId}`} />
        <FieldError id={field.errorId} errors={field.errors} />
      </div>
    );
  };
  return (
    <section className="card stack" aria-labelledby="platform-form-title">
      <h2 id="platform-form-title">{editing ? t("lti.admin.editTitle", { name: editing.name }) : t("lti.admin.addTitle")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="platformId" value={editing.id} /> : null}
        {text("name", t("lti.admin.name"), t("lti.admin.nameHint"))}
        {text("issuer", t("lti.admin.issuer"), t("lti.admin.issuerHint"))}
        {text("clientId", t("lti.admin.clientId"), t("lti.admin.clientIdHint"))}
        <div className="field">
          <label htmlFor={fields.deploymentIds.id}>{t("lti.admin.deploymentIds")}</label>
          <p className="hint" id={`${fields.deploymentIds.id}-hint`}>
            {t("lti.admin.deploymentIdsHint")}
          </p>
          <textarea {...getTextareaProps(fields.deploymentIds)} rows={3} spellCheck={false} aria-describedby={`${fields.deploymentIds.id}-hint ${fields.deploymentIds.errorId}`} />
          <FieldError id={fields.deploymentIds.errorId} errors={fields.deploymentIds.errors} />
        </div>
        {text("authUrl", t("lti.admin.authUrl"))}
        {text("tokenUrl", t("lti.admin.tokenUrl"))}
        {text("jwksUrl", t("lti.admin.platformJwksUrl"))}
        <div className="field">
          <label className="checkbox">
            <input {...getInputProps(fields.mapAdministrators, { type: "checkbox" })} aria-describedby={`${fields.mapAdministrators.id}-hint`} /> {t("lti.admin.mapAdministrators")}
          </label>
          <p className="hint" id={`${fields.mapAdministrators.id}-hint`}>
            {t("lti.admin.mapAdministratorsHint")}
          </p>
        </div>
        <div className="inline-form">
          <button type="submit" className="button button--primary">
            {t("lti.admin.save")}
          </button>
          {editing ? (
            <Link to="/admin/platforms" className="button">
              {t("lti.admin.cancel")}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function PlatformRow({ platform: item }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" data-label={t("lti.admin.name")}>
        {item.name}
      </th>
      <td data-label={t("lti.admin.issuer")}>
        <code>{item.issuer}</code>
      </td>
      <td data-label={t("lti.admin.clientId")}>
        <code>{item.clientId}</code>
      </td>
      <td data-label={t("lti.admin.deployments")}>{item.deploymentIds.join(", ")}</td>
      <td data-label={t("lti.admin.administrators")}>{item.mapAdministrators ? t("lti.admin.administratorsOn") : t("lti.admin.administratorsOff")}</td>
      <td>
        <div className="cell-stack">
          <Link to={`/admin/platforms?edit=${item.id}`} className="button">
            {t("lti.admin.edit")}
          </Link>
          <details className="token-revoke">
            <summary className="button button--danger">{t("lti.admin.deleteSummary")}</summary>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="platformId" value={item.id} />
              <p className="hint">{t("lti.admin.deleteWarning", { name: item.name })}</p>
              <button type="submit" className="button button--danger">
                {t("lti.admin.deleteConfirm", { name: item.name })}
              </button>
            </Form>
          </details>
        </div>
      </td>
    </tr>
  );
}

/** What the last action did, from the redirect's query (one notice at a time). */
function noticeOf(query: URLSearchParams, t: TFunction, retiredDays: number): string | null {
  const saved = query.get("saved");
  const moved = query.get("moved");
  const retried = query.get("retried");
  if (moved) return t("lti.courses.moved", { course: moved, team: query.get("to") ?? "", oldTeam: query.get("from") ?? "" });
  if (query.get("unchanged")) return t("lti.courses.unchanged");
  if (saved) return t("lti.admin.saved", { name: saved });
  if (query.get("deleted")) return t("lti.admin.deleted");
  if (query.get("rotated")) return t("lti.admin.rotated", { days: retiredDays });
  if (retried !== null) return Number(retried) > 0 ? t("xapi.outbox.retried", { count: Number(retried) }) : t("xapi.outbox.retriedNone");
  return null;
}

export default function AdminPlatforms() {
  const { t } = useTranslation();
  const { platforms: list, editing, keys, tool, retiredDays, grades, courses } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  // A fresh form after each navigation (a save redirects here): the last submission's values and errors go with it.
  const { key: locationKey } = useLocation();
  const notice = noticeOf(searchParams, t, retiredDays);
  return (
    <div className="stack-lg">
      <AdminPageHeader title={t("lti.admin.title")} lead={t("lti.admin.intro")} />
      {notice ? (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="tool-values-title">
        <h2 id="tool-values-title">{t("lti.admin.toolTitle")}</h2>
        <CopyValue id="tool-login-url" label={t("lti.admin.loginUrl")} value={tool.loginUrl} />
        <CopyValue id="tool-launch-url" label={t("lti.admin.launchUrl")} value={tool.launchUrl} />
        <CopyValue id="tool-jwks-url" label={t("lti.admin.jwksUrl")} value={tool.jwksUrl} />
        <CopyValue id="tool-deep-link-url" label={t("lti.admin.deepLinkUrl")} value={tool.deepLinkUrl} />
        <p className="hint">{t("lti.admin.toolHint")}</p>
      </section>
      <section className="stack" aria-labelledby="platforms-title">
        <h2 id="platforms-title">{t("lti.admin.listTitle")}</h2>
        {list.length === 0 ? (
          <p className="notice notice--info">{t("lti.admin.none")}</p>
        ) : (
          <div className="card table-wrap">
            <table className="table--stack">
              <thead>
                <tr>
                  <th scope="col">{t("lti.admin.name")}</th>
                  <th scope="col">{t("lti.admin.issuer")}</th>
                  <th scope="col">{t("lti.admin.clientId")}</th>
                  <th scope="col">{t("lti.admin.deployments")}</th>
                  <th scope="col">{t("lti.admin.administrators")}</th>
                  <th scope="col">{t("lti.admin.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((item) => (
                  <PlatformRow key={item.id} platform={item} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <LtiCourses view={courses} />
      <GradeQueue view={grades} />
      <PlatformForm key={`${editing?.id ?? "new"}-${locationKey}`} editing={editing} />
      <SigningKeys keys={keys} retiredDays={retiredDays} />
    </div>
  );
}
