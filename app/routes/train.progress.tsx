import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildProgressView } from "~/attempts/progress-view.server";
import { certificationSummary } from "~/certificates/certification.server";
import { requireRole } from "~/auth/session.server";
import { CertificateSummary } from "~/components/certificates/summary";
import { RetentionPanel } from "~/components/review/retention-panel";
import { AttemptsTable } from "~/components/scenario/attempts-table";
import { SkillBar } from "~/components/scenario/skill-bar";
import { SKILLS } from "~/engine/types";
import { pageTitle } from "~/i18n/meta";
import { reviewSummary } from "~/review/summary.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.progress"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const review = await reviewSummary(user.id, new Date());
  // Opening My progress also checks the certificate, so a trainee already qualified gets it now.
  return json({ ...(await buildProgressView(user.id)), certificate: await certificationSummary(user.id), review });
}

// A set-aside attempt cannot be continued, so its row links nowhere.
const LINKS = {
  completed: (id: number) => `/train/attempts/${id}/debrief`,
  "in-progress": (id: number) => `/train/attempts/${id}`,
  abandoned: () => null,
} as const;

export default function Progress() {
  const { t } = useTranslation();
  const { attempts, averages, certificate } = useLoaderData<typeof loader>();
  const { review } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("progress.title")}</h1>
        <p className="lead">{t("progress.intro")}</p>
      </header>
      <section className="card stack" aria-labelledby="averages-title">
        <h2 id="averages-title">{t("progress.averages")}</h2>
        <p className="muted">{t("progress.averagesNote")}</p>
        <div className="skill-rows">
          {SKILLS.map((skill) => (
            <SkillBar key={skill} skill={skill} score={averages[skill]} />
          ))}
        </div>
      </section>
      <RetentionPanel summary={review} />
      <CertificateSummary summary={certificate} />
      <section className="stack" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("progress.attempts")}</h2>
        {attempts.length === 0 ? (
          <p className="notice">
            {t("progress.none")} <Link to="/train">{t("progress.noneLink")}</Link>
          </p>
        ) : (
          <AttemptsTable
            attempts={attempts}
            caption={t("progress.attempts")}
            linkFor={(attempt) => LINKS[attempt.status](attempt.id)}
          />
        )}
      </section>
    </div>
  );
}
