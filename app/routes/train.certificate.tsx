import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { traineeCertification } from "~/certificates/certification.server";
import { CertificateDocument } from "~/components/certificates/certificate-document";
import { PrintButton } from "~/components/certificates/print-button";
import { RuleList } from "~/components/certificates/rule-list";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/certificate.css";
import "~/locales/en/certificates";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("certificates.trainee.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  // Opening the page checks the rule, so a trainee who already qualified gets the certificate now.
  const result = await traineeCertification(user.id);
  if (!result) throw new Response("Not found", { status: 404 });
  return json({ ...result, origin: new URL(request.url).origin });
}

function Status({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return met ? <span className="badge badge--ok">{t("certificates.trainee.met")}</span> : <span className="badge badge--muted">{t("certificates.trainee.notMet")}</span>;
}

function Progress({ progress }: { progress: NonNullable<SerializeFrom<typeof loader>["progress"]> }) {
  const { t } = useTranslation();
  if (progress.scenarios.length === 0) {
    return (
      <>
        <p className="notice notice--info">{t("certificates.trainee.closed")}</p>
        <section className="card stack" aria-labelledby="rule-title">
          <h2 id="rule-title">{t("certificates.trainee.ruleTitle")}</h2>
          <RuleList minScore={progress.minScore} minMastery={progress.minMastery} />
        </section>
      </>
    );
  }
  const remaining = progress.scenarios.filter((scenario) => !scenario.met).length + progress.skills.filter((skill) => !skill.met).length;
  return (
    <>
      <p className="notice notice--info" role="status">
        {t("certificates.trainee.remaining", { count: remaining })}
      </p>
      <section className="stack" aria-labelledby="scenarios-title">
        <h2 id="scenarios-title">{t("certificates.trainee.scenariosTitle")}</h2>
        <p className="muted">{t("certificates.rule.scenarios", { min: progress.minScore })}</p>
        <div className="card table-wrap">
          <table className="table--stack progress-table">
            <caption className="visually-hidden">{t("certificates.trainee.scenariosCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("certificates.trainee.scenario")}</th>
                <th scope="col">{t("certificates.trainee.bestScore")}</th>
                <th scope="col">{t("certificates.trainee.status")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.scenarios.map((scenario) => (
                <tr key={scenario.id}>
                  <th scope="row" data-label={t("certificates.trainee.scenario")}>
                    {scenario.inLibrary ? (
                      <Link to={`/train/scenarios/${scenario.id}`} aria-label={t("certificates.trainee.open", { title: scenario.title })}>
                        {scenario.title}
                      </Link>
                    ) : (
                      <span className="cell-stack">
                        {scenario.title}
                        <span className="hint">{t("certificates.trainee.notInLibrary")}</span>
                      </span>
                    )}
                  </th>
                  <td data-label={t("certificates.trainee.bestScore")}>{scenario.best ?? <span className="muted">{t("certificates.trainee.notFinished")}</span>}</td>
                  <td data-label={t("certificates.trainee.status")}>
                    <Status met={scenario.met} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="stack" aria-labelledby="skills-title">
        <h2 id="skills-title">{t("certificates.trainee.skillsTitle")}</h2>
        <p className="muted">{t("certificates.rule.skills", { min: progress.minMastery })}</p>
        <div className="card table-wrap">
          <table className="table--stack progress-table">
            <caption className="visually-hidden">{t("certificates.trainee.skillsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("certificates.trainee.skill")}</th>
                <th scope="col">{t("certificates.trainee.mastery")}</th>
                <th scope="col">{t("certificates.trainee.status")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.skills.map((skill) => (
                <tr key={skill.skill}>
                  <th scope="row" data-label={t("certificates.trainee.skill")}>
                    <Link to={`/guides/${skill.skill}`}>{t(`skills.${skill.skill}.name`)}</Link>
                  </th>
                  <td data-label={t("certificates.trainee.mastery")}>{skill.mastery ?? <span className="muted">{t("certificates.trainee.notAssessed")}</span>}</td>
                  <td data-label={t("certificates.trainee.status")}>
                    <Status met={skill.met} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card stack" aria-labelledby="rule-title">
        <h2 id="rule-title">{t("certificates.trainee.ruleTitle")}</h2>
        <RuleList minScore={progress.minScore} minMastery={progress.minMastery} />
      </section>
    </>
  );
}

export default function TraineeCertificate() {
  const { t } = useTranslation();
  const { certificate, progress, origin } = useLoaderData<typeof loader>();
  const verifyUrl = certificate ? `${origin}${certificate.path}` : "";
  return (
    <div className="stack-lg">
      <header className="page-header no-print">
        <p>
          <Link to="/train/progress">← {t("nav.progress")}</Link>
        </p>
        <h1>{certificate ? t("certificates.certificate.earnedTitle") : t("certificates.trainee.title")}</h1>
        <p className="lead">{t("certificates.trainee.intro")}</p>
      </header>
      {certificate ? (
        <>
          <CertificateDocument
            holderName={certificate.holderName}
            earnedAt={certificate.earnedAt}
            scenarios={certificate.scenarios}
            minScore={certificate.minScore}
            minMastery={certificate.minMastery}
            verifyUrl={verifyUrl}
          />
          <section className="card stack no-print" aria-label={t("certificates.certificate.print")}>
            <p>{t("certificates.certificate.shareHint")}</p>
            <PrintButton />
          </section>
        </>
      ) : progress ? (
        <Progress progress={progress} />
      ) : null}
    </div>
  );
}
