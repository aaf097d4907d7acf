import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditPersonForm, PersonStatusForm } from "~/accounts/forms";
import { editPerson, personEditView, personOr404, setPersonActive } from "~/accounts/people.server";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { RoleSelect, TeamSelect } from "~/components/choice-fields";
import { FieldError, FormErrors } from "~/components/form-errors";
import { StatusBadge } from "~/components/status-badge";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { idParamOr404 } from "~/utils/params.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.person.displayName ?? t("meta.person"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const person = await personOr404(idParamOr404(params.userId));
  return json(await personEditView(person, admin.id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const person = await personOr404(idParamOr404(params.userId));
  const t = await i18next.getFixedT(request);
  const formData = await readForm(request);

  if (formData.get("intent") !== "save") {
    const status = PersonStatusForm.safeParse({ intent: formData.get("intent") });
    if (!status.success) return json({ statusError: t("errors.badRequestTitle") }, { status: 400 });
    const changed = await setPersonActive(person, admin.id, status.data.intent === "enable");
    if (!changed.ok) return json({ statusError: t("admin.cannotDisableSelf") }, { status: 400 });
    return redirect(`/admin/users/${person.id}?saved=1`);
  }

  const submission = parseWithZod(formData, { schema: EditPersonForm });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const edited = await editPerson(person, admin.id, {
    ...submission.value,
    teamShown: formData.has("teamId"),
    managedTeamsShown: formData.has("managedTeamsShown"),
  });
  if (!edited.ok && edited.problem === "demote-self") {
    return json(submission.reply({ fieldErrors: { role: [t("admin.cannotDemoteSelf")] } }), { status: 400 });
  }
  if (!edited.ok) return json(submission.reply({ formErrors: [t("errors.notFoundTitle")] }), { status: 400 });
  return redirect(`/admin/users/${person.id}?saved=1`);
}

export default function EditPerson() {
  const { t } = useTranslation();
  const { person, teams, managedTeamIds, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const lastResult = actionData && !("statusError" in actionData) ? actionData : undefined;
  const statusError = actionData && "statusError" in actionData ? actionData.statusError : null;
  const [form, fields] = useForm({
    id: `person-${person.id}`,
    lastResult,
    shouldValidate: "onBlur",
    defaultValue: {
      displayName: person.displayName,
      role: person.role,
      teamId: person.teamId ?? undefined,
      managedTeamIds: managedTeamIds.map(String),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditPersonForm }),
  });
  const managedSet = new Set(managedTeamIds);
  const role = fields.role.value ?? person.role;

  return (
    <div className="stack-lg narrow">
      <AdminPageHeader title={t("admin.editTitle", { name: person.displayName })}>
        <p className="muted">
          {person.email ? `${person.email} · ` : null}
          <StatusBadge active={person.active} />
        </p>
      </AdminPageHeader>
      {searchParams.get("saved") ? (
        <p className="notice notice--ok" role="status">
          {t("admin.saved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <div className="field">
          <label htmlFor={fields.displayName.id}>{t("admin.name")}</label>
          <input {...getInputProps(fields.displayName, { type: "text" })} autoComplete="off" />
          <FieldError id={fields.displayName.errorId} errors={fields.displayName.errors} />
        </div>
        {isSelf ? (
          // An admin keeps their own role (the action refuses it too): no control that can only fail.
          <p className="field">
            <input type="hidden" name={fields.role.name} value="admin" />
            <strong>{t("admin.role")}:</strong> {t("roles.admin")} <span className="muted">({t("admin.ownRole")})</span>
          </p>
        ) : (
          <RoleSelect field={fields.role} />
        )}
        {role === "trainee" ? <TeamSelect field={fields.teamId} teams={teams} hint={t("admin.teamHint")} /> : null}
        {role === "manager" && teams.length > 0 ? (
          <fieldset className="field checkbox-group">
            <input type="hidden" name="managedTeamsShown" value="1" />
            <legend>{t("admin.managedTeams")}</legend>
            {teams.map((team) => (
              <label key={team.id} className="checkbox">
                <input type="checkbox" name={fields.managedTeamIds.name} value={team.id} defaultChecked={managedSet.has(team.id)} />
                {team.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("admin.save")}
          </button>
        </div>
      </Form>
      <Form method="post" className="card stack" aria-labelledby="access-title">
        <h2 id="access-title">{t("admin.accessTitle")}</h2>
        <p className="muted">{t("admin.disableHint")}</p>
        {statusError ? (
          <p className="form-errors" role="alert">
            {statusError}
          </p>
        ) : null}
        <div className="actions">
          {isSelf ? (
            <p className="muted">{t("admin.cannotDisableSelf")}</p>
          ) : person.active ? (
            <button type="submit" name="intent" value="disable" className="button button--danger">
              {t("admin.disable")}
            </button>
          ) : (
            <button type="submit" name="intent" value="enable" className="button">
              {t("admin.enable")}
            </button>
          )}
        </div>
      </Form>
    </div>
  );
}
