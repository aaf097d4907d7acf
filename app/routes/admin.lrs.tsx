import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { FieldError, FormErrors } from "~/components/form-errors";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { formatDate } from "~/utils/dates";
import { readForm } from "~/utils/form.server";
import { LRS_FIELD_MAX, lrsSettingsView, parseLrsForm, saveLrsForm } from "~/xapi/settings.server";
import "~/locales/en/xapi";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("xapi.lrs.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json(await lrsSettingsView(new URL(request.url).origin), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const t = await i18next.getFixedT(request);
  const view = await lrsSettingsView(new URL(request.url).origin);
  const submission = parseLrsForm(
    await readForm(request),
    {
      endpoint: t("xapi.lrs.endpointInvalid"),
      username: t("xapi.lrs.usernameRequired"),
      secret: t("xapi.lrs.secretRequired"),
      activityBase: t("xapi.lrs.activityBaseInvalid"),
      tooLong: t("xapi.lrs.tooLong", { max: LRS_FIELD_MAX }),
    },
    { hasSecret: view.hasSecret },
  );
  // The secret never travels back to the page, not even in a refused form.
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["secret"] }), { status: 400 });
  await saveLrsForm(submission.value, admin.id);
  return redirect("/admin/lrs?saved=1");
}

export default function AdminLrs() {
  const { t, i18n } = useTranslation();
  const view = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<{ enabled?: string; endpoint: string; username: string; secret: string; activityBase: string }>({
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: {
      enabled: view.enabled ? "on" : undefined,
      endpoint: view.endpoint,
      username: view.username,
      activityBase: view.activityBase,
      secret: "",
    },
    constraint: { activityBase: { required: true } },
  });
  const described = (field: { id: string; errorId: string }) => `${field.id}-hint ${field.errorId}`;

  return (
    <div className="stack-lg">
      <AdminPageHeader title={t("xapi.lrs.title")} lead={t("xapi.lrs.intro")}>
        <p>
          <Link to="/admin/outbox">{t("xapi.lrs.queueLink")}</Link>
        </p>
        <p>
          {/* The pass mark is not the LRS's: it judges SCORM and LTI results too, so it is set on its own page. */}
          {t("xapi.lrs.passMarkWhere", { passMark: view.passMark })} <Link to="/admin/grading">{t("xapi.lrs.passMarkLink")}</Link>
        </p>
      </AdminPageHeader>
      {searchParams.get("saved") && !lastResult ? (
        <p className="notice notice--ok" role="status">
          {t("xapi.lrs.saved")}
        </p>
      ) : null}
      <section className="card stack">
        {/* A new form after each save, so the typed secret does not stay in the field once stored. */}
        <Form method="post" {...getFormProps(form)} key={view.updatedAt ?? "new"} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="field">
            <label className="checkbox">
              <input {...getInputProps(fields.enabled, { type: "checkbox" })} aria-describedby={`${fields.enabled.id}-hint`} />
              {t("xapi.lrs.enabled")}
            </label>
            <p className="hint" id={`${fields.enabled.id}-hint`}>
              {t("xapi.lrs.enabledHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor={fields.endpoint.id}>{t("xapi.lrs.endpoint")}</label>
            <p className="hint" id={`${fields.endpoint.id}-hint`}>
              {t("xapi.lrs.endpointHint")}
            </p>
            <input
              {...getInputProps(fields.endpoint, { type: "text" })}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={described(fields.endpoint)}
            />
            <FieldError id={fields.endpoint.errorId} errors={fields.endpoint.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.username.id}>{t("xapi.lrs.username")}</label>
            <input {...getInputProps(fields.username, { type: "text" })} autoComplete="off" spellCheck={false} aria-describedby={fields.username.errorId} />
            <FieldError id={fields.username.errorId} errors={fields.username.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.secret.id}>{t("xapi.lrs.secret")}</label>
            <p className="hint" id={`${fields.secret.id}-hint`}>
              {view.hasSecret ? t("xapi.lrs.secretKeep") : t("xapi.lrs.secretHint")}
            </p>
            <input
              {...getInputProps(fields.secret, { type: "password" })}
              autoComplete="new-password"
              aria-describedby={described(fields.secret)}
            />
            <FieldError id={fields.secret.errorId} errors={fields.secret.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.activityBase.id}>{t("xapi.lrs.activityBase")}</label>
            <p className="hint" id={`${fields.activityBase.id}-hint`}>
              {t("xapi.lrs.activityBaseHint", { example: `${view.activityBase}/xapi/scenarios/parcel-third-call` })}
            </p>
            <input
              {...getInputProps(fields.activityBase, { type: "text" })}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={described(fields.activityBase)}
            />
            <FieldError id={fields.activityBase.errorId} errors={fields.activityBase.errors} />
          </div>
          <div>
            <button type="submit" className="button button--primary">
              {t("xapi.lrs.save")}
            </button>
          </div>
        </Form>
        {view.updatedAt ? (
          <p className="hint">
            {t("xapi.lrs.lastChange", { date: formatDate(view.updatedAt, i18n.language), name: view.updatedBy ?? t("xapi.lrs.someone") })}
          </p>
        ) : null}
      </section>
    </div>
  );
}
