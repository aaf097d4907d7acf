import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPersonForm } from "~/accounts/forms";
import { addPerson, teamsToChooseFrom } from "~/accounts/people.server";
import { PASSWORD_MIN_LENGTH } from "~/auth/password-rules";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { RoleSelect, TeamSelect } from "~/components/choice-fields";
import { FieldError, FormErrors } from "~/components/form-errors";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("admin.addPerson"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json({ teams: await teamsToChooseFrom() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const submission = parseWithZod(await readForm(request), { schema: NewPersonForm });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const person = submission.value;
  const added = await addPerson(person);
  if (!added.ok) {
    const t = await i18next.getFixedT(request);
    if (added.problem === "unknown-team") {
      return json(submission.reply({ fieldErrors: { teamId: [t("errors.notFoundTitle")] } }), { status: 400 });
    }
    return json(submission.reply({ fieldErrors: { email: [t("admin.emailTaken")] }, hideFields: ["password"] }), { status: 409 });
  }
  return redirect(`/admin?created=${encodeURIComponent(person.displayName)}`);
}

export default function NewPerson() {
  const { t } = useTranslation();
  const { teams } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    defaultValue: { role: "trainee" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPersonForm }),
  });
  return (
    <div className="stack-lg narrow">
      <AdminPageHeader title={t("admin.newTitle")} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.displayName.id}>{t("admin.name")}</label>
          <input {...getInputProps(fields.displayName, { type: "text" })} autoComplete="off" />
          <FieldError id={fields.displayName.errorId} errors={fields.displayName.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.email.id}>{t("admin.email")}</label>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="off" />
          <FieldError id={fields.email.errorId} errors={fields.email.errors} />
        </div>
        <RoleSelect field={fields.role} />
        <TeamSelect field={fields.teamId} teams={teams} hint={t("admin.newTeamHint")} />
        <div className="field">
          <label htmlFor={fields.password.id}>{t("admin.password")}</label>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="new-password"
            aria-describedby={`${fields.password.id}-hint ${fields.password.errorId}`}
          />
          <p className="hint" id={`${fields.password.id}-hint`}>
            {t("admin.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          </p>
          <FieldError id={fields.password.errorId} errors={fields.password.errors} />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("admin.create")}
          </button>
          <Link to="/admin" className="button button--quiet">
            {t("admin.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
