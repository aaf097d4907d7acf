import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createPathway, pathwaysPage, PATHWAY_TITLE_MAX } from "~/assignments/pathways.server";
import { requireRole } from "~/auth/session.server";
import { FieldError, FormErrors } from "~/components/form-errors";
import { SKILLS } from "~/domain/vocabulary";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/assignments.css";
import { formatDate } from "~/utils/dates";
import "~/locales/en/assignments";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("assignments.pathways.title"));

/** Admins and trainers define pathways; managers only assign them. */
const EDITORS = ["admin", "trainer"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, EDITORS);
  return json(await pathwaysPage());
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITORS);
  const t = await i18next.getFixedT(request);
  const result = await createPathway(await readForm(request), user.id, t);
  if (!result.ok) return json({ reply: result.reply }, { status: 400 });
  return redirect(`/pathways/${result.value.id}?created=1`);
}

function NewPathwayForm() {
  const { t } = useTranslation();
  const { scenarios } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ title: string; skill: string; scenarioIds: string[] }>({
    lastResult: actionData?.reply,
    // No validator in the browser: checking on blur would post to the server, and a late answer could overwrite what was typed since.
    shouldValidate: "onSubmit",
    constraint: { title: { required: true, maxLength: PATHWAY_TITLE_MAX }, skill: { required: true } },
  });
  return (
    <section className="card stack" aria-labelledby="new-pathway-title">
      <h2 id="new-pathway-title">{t("assignments.pathways.createTitle")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.title.id}>{t("assignments.pathways.titleLabel")}</label>
          <p className="hint" id={`${fields.title.id}-hint`}>
            {t("assignments.pathways.titleHint")}
          </p>
          <input {...getInputProps(fields.title, { type: "text" })} autoComplete="off" aria-describedby={`${fields.title.id}-hint ${fields.title.errorId}`} />
          <FieldError id={fields.title.errorId} errors={fields.title.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.skill.id}>{t("assignments.pathways.skill")}</label>
          <p className="hint" id={`${fields.skill.id}-hint`}>
            {t("assignments.pathways.skillHint")}
          </p>
          <select {...getSelectProps(fields.skill)} aria-describedby={`${fields.skill.id}-hint ${fields.skill.errorId}`}>
            <option value="">{t("assignments.pathways.chooseSkill")}</option>
            {SKILLS.map((skill) => (
              <option key={skill} value={skill}>
                {t(`skills.${skill}.name`)}
              </option>
            ))}
          </select>
          <FieldError id={fields.skill.errorId} errors={fields.skill.errors} />
        </div>
        <fieldset className="checkbox-group scenario-picks" aria-describedby={`${fields.scenarioIds.id}-hint ${fields.scenarioIds.errorId}`}>
          <legend>{t("assignments.pathways.scenariosLegend")}</legend>
          <p className="hint" id={`${fields.scenarioIds.id}-hint`}>
            {t("assignments.pathways.scenariosHint")}
          </p>
          <ul className="scenario-picks__list">
            {getCollectionProps(fields.scenarioIds, { type: "checkbox", options: scenarios.map((scenario) => scenario.id) }).map(({ key, ...props }, index) => {
              const scenario = scenarios[index]!;
              return (
                <li key={key} className="checkbox scenario-pick">
                  <input {...props} />
                  <label htmlFor={props.id}>
                    <span className="scenario-pick__title">{scenario.title}</span>{" "}
                    <span className="hint">
                      {t(`catalogue.levels.l${scenario.difficulty}`)} · {t(`personas.${scenario.persona}`)} · {t(`channels.${scenario.channel}`)}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <FieldError id={fields.scenarioIds.errorId} errors={fields.scenarioIds.errors} />
        </fieldset>
        <p>
          <button type="submit" className="button button--primary">
            {t("assignments.pathways.create")}
          </button>
        </p>
      </Form>
    </section>
  );
}

export default function Pathways() {
  const { t, i18n } = useTranslation();
  const { pathways } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const deleted = params.get("deleted");
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("assignments.pathways.title")}</h1>
        <p className="lead">{t("assignments.pathways.intro")}</p>
      </header>
      {deleted ? (
        <p className="notice notice--ok" role="status">
          {t("assignments.pathways.deleted", { title: deleted })}
        </p>
      ) : null}
      <section className="stack" aria-labelledby="pathways-title">
        <h2 id="pathways-title">{t("assignments.pathways.listTitle")}</h2>
        {pathways.length === 0 ? (
          <p className="notice notice--info">{t("assignments.pathways.none")}</p>
        ) : (
          <div className="card table-wrap">
            <table className="table--stack">
              <caption className="visually-hidden">{t("assignments.pathways.listTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("assignments.pathways.name")}</th>
                  <th scope="col">{t("assignments.pathways.skill")}</th>
                  <th scope="col">{t("assignments.pathways.scenarios")}</th>
                  <th scope="col">{t("assignments.pathways.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {pathways.map((pathway) => (
                  <tr key={pathway.id}>
                    <th scope="row" data-label={t("assignments.pathways.name")} className="cell-wrap">
                      <Link to={`/pathways/${pathway.id}`}>{pathway.title}</Link>
                    </th>
                    <td data-label={t("assignments.pathways.skill")}>{t(`skills.${pathway.skill}.name`)}</td>
                    <td data-label={t("assignments.pathways.scenarios")}>
                      <div className="cell-stack">
                        <span>{t("assignments.pathways.steps", { count: pathway.scenarios })}</span>
                        {pathway.missing > 0 ? <span className="hint">{t("assignments.pathways.missing", { count: pathway.missing })}</span> : null}
                      </div>
                    </td>
                    <td data-label={t("assignments.pathways.updated")} className="nowrap">
                      {formatDate(pathway.updatedAt, i18n.language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NewPathwayForm />
    </div>
  );
}
