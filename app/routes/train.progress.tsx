import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildProgressView } from "~/attempts/progress-view.server";
import { requireRole } from "~/auth/session.server";
import { SkillBar } from "~/components/scenario/skill-bar";
import { SKILLS } from "~/engine/types";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "My progress · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  return json(await buildProgressView(user.id));
}

export default function Progress() {
  const { t, i18n } = useTranslation();
  const { attempts, averages } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("progress.title")}</h1>
        <p className="lead">{t("progress.intro")}</p>
      </header>
      <section className="card stack" aria-labelledby="averages-title">
        <h2 id="averages-title">{t("progress.averages")}</h2>
        <div className="skill-rows">
          {SKILLS.map((skill) => (
            <SkillBar key={skill} skill={skill} score={averages[skill]} />
          ))}
        </div>
      </section>
      <section className="stack" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("progress.attempts")}</h2>
        {attempts.length === 0 ? (
          <p className="notice">
            {t("progress.none")} <Link to="/train">{t("nav.train")}</Link>
          </p>
        ) : (
          <div className="card table-wrap">
            <table className="table--stack">
              <caption className="visually-hidden">{t("progress.attempts")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("progress.date")}</th>
                  <th scope="col">{t("progress.scenario")}</th>
                  <th scope="col">{t("progress.outcome")}</th>
                  <th scope="col">{t("progress.overall")}</th>
                  {SKILLS.map((skill) => (
                    <th key={skill} scope="col">
                      {t(`skills.${skill}.name`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <td data-label={t("progress.date")}>{formatDate(attempt.startedAt, i18n.language)}</td>
                    <td data-label={t("progress.scenario")}>
                      <Link to={attempt.status === "completed" ? `/train/attempts/${attempt.id}/debrief` : `/train/attempts/${attempt.id}`}>
                        {attempt.title}
                      </Link>
                    </td>
                    <td data-label={t("progress.outcome")}>
                      {attempt.outcome ? t(`debrief.outcomes.${attempt.outcome}`) : <span className="badge badge--progress">{t("progress.inProgress")}</span>}
                    </td>
                    <td data-label={t("progress.overall")}>{attempt.overall ?? "—"}</td>
                    {SKILLS.map((skill) => (
                      <td key={skill} data-label={t(`skills.${skill}.name`)}>
                        {attempt.scores[skill] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
