import { getFormProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { FormErrors } from "~/components/form-errors";
import { WholeNumberField } from "~/components/whole-number-field";
import { changePassMark, parsePassMarkForm, passMarkView, PASS_MARK_MAX, PASS_MARK_MIN } from "~/grading/pass-mark.server";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { formatDate } from "~/utils/dates";
import { readForm } from "~/utils/form.server";
import "~/locales/en/grading";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("grading.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json(await passMarkView(), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const t = await i18next.getFixedT(request);
  const submission = parsePassMarkForm(await readForm(request), t("grading.passMarkInvalid", { min: PASS_MARK_MIN, max: PASS_MARK_MAX }));
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const changed = await changePassMark(submission.value.passMark, admin.id);
  return redirect(`/admin/grading?${changed ? "saved" : "unchanged"}=1`);
}

export default function AdminGrading() {
  const { t, i18n } = useTranslation();
  const view = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    // No validator in the browser (it would bring zod along); the server's answer names the field.
    shouldValidate: "onSubmit",
    defaultValue: { passMark: String(view.passMark) },
    constraint: { passMark: { required: true } },
  });

  return (
    <div className="stack-lg narrow-wide">
      <AdminPageHeader title={t("grading.title")} lead={t("grading.intro")} />
      {lastResult ? null : searchParams.get("saved") ? (
        <p className="notice notice--ok" role="status">
          {t("grading.saved", { passMark: view.passMark })}
        </p>
      ) : searchParams.get("unchanged") ? (
        <p className="notice" role="status">
          {t("grading.unchanged", { passMark: view.passMark })}
        </p>
      ) : null}
      <section className="card stack">
        <p>
          {t("grading.inForce", { passMark: view.passMark })}
          {view.isDefault ? <span className="muted"> ({t("grading.isDefault")})</span> : null}
        </p>
        <p className="hint">{t("grading.whenItHolds")}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <WholeNumberField
            field={fields.passMark}
            label={t("grading.passMark")}
            hint={t("grading.passMarkHint", { min: view.min, max: view.max, fallback: view.fallback })}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
              {t("grading.save")}
            </button>
          </div>
        </Form>
        {view.updatedAt ? (
          <p className="hint">{t("grading.lastChange", { date: formatDate(view.updatedAt, i18n.language), name: view.updatedBy ?? t("grading.someone") })}</p>
        ) : null}
      </section>
    </div>
  );
}
