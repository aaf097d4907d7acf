import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { coreSetPage, saveCoreSet } from "~/certificates/core-set.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { RuleList } from "~/components/certificates/rule-list";
import type { Skill } from "~/domain/vocabulary";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/certificate.css";
import "~/locales/en/certificates";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("certificates.admin.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json(await coreSetPage());
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const result = await saveCoreSet(await readForm(request), admin.id);
  if (result.ok) return redirect(`/admin/certification?saved=${result.count}`);
  // The ticks come back as sent, so a page without JavaScript keeps them too.
  return json({ ticked: result.ticked, unknown: result.unknown }, { status: 400 });
}

export default function AdminCertification() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = refused ? null : searchParams.get("saved");
  const isTicked = (id: string, core: boolean) => (refused ? refused.ticked.includes(id) : core);
  const coreCount = page.scenarios.filter((scenario) => scenario.core).length + page.missing.length;
  const skillNames = (skills: readonly Skill[]) => skills.map((skill) => t(`skills.${skill}.name`)).join(", ");

  return (
    <div className="stack-lg">
      <AdminPageHeader title={t("certificates.admin.title")} backLabel={t("certificates.admin.back")} lead={t("certificates.admin.intro")} />
      {refused ? (
        <p className="notice" role="alert" id="core-set-error">
          {refused.unknown.length > 0 ? t("certificates.admin.unknown", { ids: refused.unknown.join(", ") }) : t("certificates.admin.invalid")}
        </p>
      ) : saved !== null ? (
        <p className="notice notice--ok" role="status">
          {saved === "0" ? t("certificates.admin.savedNone") : t("certificates.admin.saved", { count: Number(saved) })}
        </p>
      ) : null}
      {coreCount === 0 ? <p className="notice notice--info">{t("certificates.admin.closed")}</p> : null}
      <section className="card stack" aria-labelledby="rule-title">
        <h2 id="rule-title">{t("certificates.admin.ruleTitle")}</h2>
        <RuleList minScore={page.minScore} minMastery={page.minMastery} />
        <p className="muted">{t("certificates.admin.held", { count: page.certificates })}</p>
      </section>
      <section className="card stack" aria-labelledby="core-title">
        <h2 id="core-title">{t("certificates.admin.formTitle")}</h2>
        <Form method="post" className="stack" aria-describedby={refused ? "core-set-error" : undefined}>
          <p className="hint">{t("certificates.admin.formHint")}</p>
          <fieldset className="checkbox-group">
            <legend className="visually-hidden">{t("certificates.admin.legend")}</legend>
            {page.scenarios.map((scenario) => (
              <label key={scenario.id} className="checkbox core-option">
                <input type="checkbox" name="scenarioIds" value={scenario.id} defaultChecked={isTicked(scenario.id, scenario.core)} />
                <span className="core-option__text">
                  <span className="core-option__title">{scenario.title}</span>
                  <span className="hint">
                    {t(`personas.${scenario.persona}`)} · {t(`channels.${scenario.channel}`)} · {t(`catalogue.levels.l${scenario.difficulty}`)} ·{" "}
                    {scenario.skills.length > 0 ? t("certificates.admin.assesses", { skills: skillNames(scenario.skills) }) : t("certificates.admin.assessesNothing")}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {page.missing.length > 0 ? (
            <fieldset className="checkbox-group" aria-describedby="missing-hint">
              <legend>{t("certificates.admin.missingTitle")}</legend>
              <p className="hint" id="missing-hint">
                {t("certificates.admin.missingHint")}
              </p>
              {page.missing.map((scenario) => (
                <label key={scenario.id} className="checkbox core-option">
                  <input type="checkbox" name="scenarioIds" value={scenario.id} defaultChecked={isTicked(scenario.id, true)} />
                  <span className="core-option__title">{scenario.title}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t("certificates.admin.save")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
