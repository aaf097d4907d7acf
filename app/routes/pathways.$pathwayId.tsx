import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { changePathwayScenarios, pathwayPage, PATHWAY_TITLE_MAX, removePathway, savePathwayDetails } from "~/assignments/pathways.server";
import { requireRole } from "~/auth/session.server";
import { PathwaySteps } from "~/components/assignments/pathway-steps";
import { FieldError, FormErrors } from "~/components/form-errors";
import { SKILLS } from "~/domain/vocabulary";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/assignments.css";
import { idParamOr404 } from "~/utils/params.server";
import "~/locales/en/assignments";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => data?.pathway.title ?? t("assignments.pathways.title"));

const EDITORS = ["admin", "trainer"] as const;
const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, EDITORS);
  const page = await pathwayPage(idParamOr404(params.pathwayId));
  if (!page) throw notFound();
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, EDITORS);
  const id = idParamOr404(params.pathwayId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const t = await i18next.getFixedT(request);
  if (intent === "delete") {
    const title = await removePathway(id);
    if (title === null) throw notFound();
    return redirect(`/pathways?deleted=${encodeURIComponent(title)}`);
  }
  if (intent === "details") {
    const result = await savePathwayDetails(id, formData, t);
    if (result === null) throw notFound();
    if (!result.ok) return json({ reply: result.reply, listError: null }, { status: 400 });
    return redirect(`/pathways/${id}?saved=1`);
  }
  const result = await changePathwayScenarios(id, formData, t);
  if (result === null) throw notFound();
  if (!result.ok) return json({ reply: null, listError: result.message }, { status: 400 });
  // Back to the scenario that changed, so the page opens where the trainer was working.
  const anchor = result.intent === "remove" ? "scenarios-title" : `step-${result.scenarioId}`;
  return redirect(`/pathways/${id}?changed=${result.intent}&scenario=${encodeURIComponent(result.scenarioId)}#${anchor}`);
}

function useChangeNotice(): string | null {
  const { t } = useTranslation();
  const { pathway, addable } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const changed = params.get("changed");
  const scenarioId = params.get("scenario");
  if (params.get("created")) return t("assignments.pathways.created", { title: pathway.title });
  if (params.get("saved")) return t("assignments.pathways.saved");
  if (!changed || !scenarioId) return null;
  const index = pathway.steps.findIndex((step) => step.id === scenarioId);
  const title = pathway.steps[index]?.title ?? addable.find((scenario) => scenario.id === scenarioId)?.title ?? scenarioId;
  if (changed === "remove") return t("assignments.pathways.removedScenario", { title });
  if (index < 0) return null;
  if (changed === "add") return t("assignments.pathways.added", { title });
  return t("assignments.pathways.moved", { title, position: index + 1, count: pathway.steps.length });
}

function DetailsForm() {
  const { t } = useTranslation();
  const { pathway } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ title: string; skill: string }>({
    lastResult: actionData?.reply ?? undefined,
    // No validator in the browser: checking on blur would post to the server, and a late answer could overwrite what was typed since.
    shouldValidate: "onSubmit",
    defaultValue: { title: pathway.title, skill: pathway.skill },
    constraint: { title: { required: true, maxLength: PATHWAY_TITLE_MAX }, skill: { required: true } },
  });
  return (
    <section className="card stack" aria-labelledby="details-title">
      <h2 id="details-title">{t("assignments.pathways.detailsTitle")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="details" />
        <div className="field">
          <label htmlFor={fields.title.id}>{t("assignments.pathways.titleLabel")}</label>
          <input {...getInputProps(fields.title, { type: "text" })} autoComplete="off" />
          <FieldError id={fields.title.errorId} errors={fields.title.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.skill.id}>{t("assignments.pathways.skill")}</label>
          <select {...getSelectProps(fields.skill)}>
            <option value="">{t("assignments.pathways.chooseSkill")}</option>
            {SKILLS.map((skill) => (
              <option key={skill} value={skill}>
                {t(`skills.${skill}.name`)}
              </option>
            ))}
          </select>
          <FieldError id={fields.skill.errorId} errors={fields.skill.errors} />
        </div>
        <p>
          <button type="submit" className="button">
            {t("assignments.pathways.save")}
          </button>
        </p>
      </Form>
    </section>
  );
}

function DeleteSection() {
  const { t } = useTranslation();
  const { pathway } = useLoaderData<typeof loader>();
  return (
    <section className="card stack" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("assignments.pathways.deleteTitle")}</h2>
      {/* A second step instead of a script's confirm(), so it works without JavaScript too. */}
      <details className="confirm-details">
        <summary className="button button--danger">{t("assignments.pathways.deleteSummary")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delete" />
          <p className="hint">
            {pathway.assignments > 0 ? t("assignments.pathways.deleteWarningAssigned", { count: pathway.assignments }) : t("assignments.pathways.deleteWarning")}
          </p>
          <p>
            <button type="submit" className="button button--danger">
              {t("assignments.pathways.deleteConfirm", { title: pathway.title })}
            </button>
          </p>
        </Form>
      </details>
    </section>
  );
}

export default function PathwayPage() {
  const { t } = useTranslation();
  const { pathway, addable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = useChangeNotice();
  const changed = params.get("changed");
  const scenarioId = params.get("scenario");

  // With JavaScript the moved row is re-ordered in place, which drops the focus: put it back on
  // the same button (or the row's other move button at an end), so the keyboard keeps its place.
  useEffect(() => {
    if ((changed !== "up" && changed !== "down") || !scenarioId) return;
    const row = document.getElementById(`step-${scenarioId}`);
    const buttons = [`button[data-move="${changed}"]`, "button[data-move]"].map((selector) => row?.querySelector<HTMLButtonElement>(`${selector}:not([disabled])`));
    buttons.find((button) => button)?.focus();
  }, [changed, scenarioId]);

  return (
    <div className="stack-lg">
      <header className="page-header">
        <p>
          <Link to="/pathways">← {t("assignments.pathways.back")}</Link>
        </p>
        <h1>{pathway.title}</h1>
        <p className="page-header__sub">
          {t(`skills.${pathway.skill}.name`)} · {t("assignments.pathways.steps", { count: pathway.steps.length })}
        </p>
      </header>
      {notice ? (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      ) : null}
      <PathwaySteps steps={pathway.steps} addable={addable} error={actionData?.listError ?? null} />
      <DetailsForm />
      <DeleteSection />
    </div>
  );
}
