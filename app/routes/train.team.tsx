import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { formatCount } from "~/components/outcomes/format";
import { TeamGoal } from "~/components/team-game/team-goal";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/team-game.css";
import type { LeaderboardRow } from "~/team-game/leaderboard";
import { teamPage } from "~/team-game/team-game.server";
import "~/locales/en/team-game";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("teamGame.page.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  return json(await teamPage(user), { headers: { "Cache-Control": "no-store" } });
}

function Leaderboard({ rows, team }: { rows: LeaderboardRow[]; team: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="stack" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">{t("teamGame.page.leaderboardTitle")}</h2>
      <p className="muted">{t("teamGame.page.leaderboardIntro")}</p>
      <div className="card table-wrap">
        <table className="leaderboard">
          <caption className="visually-hidden">{t("teamGame.page.caption", { team })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("teamGame.page.place")}</th>
              <th scope="col">{t("teamGame.page.person")}</th>
              <th scope="col">{t("teamGame.page.xp")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // Rows carry no ids: a hidden teammate must not be told apart by anything but place.
              <tr key={index} className={row.who.kind === "you" ? "leaderboard__you" : undefined}>
                <td>{row.rank}</td>
                <th scope="row">
                  {row.who.kind === "you" ? <strong>{t("teamGame.page.you")}</strong> : row.who.kind === "hidden" ? t("teamGame.page.teammate") : row.who.name}
                </th>
                <td>{formatCount(row.xp, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {t("teamGame.page.hideNote")} <Link to="/train/settings">{t("teamGame.page.hideLink")}</Link>
      </p>
    </section>
  );
}

export default function MyTeam() {
  const { t } = useTranslation();
  const view = useLoaderData<typeof loader>();
  if (!view.team) {
    return (
      <div className="stack-lg narrow-wide">
        <header className="page-header">
          <h1>{t("teamGame.page.title")}</h1>
        </header>
        <p className="notice notice--info">{t("teamGame.page.noTeam")}</p>
      </div>
    );
  }
  return (
    <div className="stack-lg narrow-wide">
      <header className="page-header">
        <h1>{t("teamGame.page.title")}</h1>
        <p className="lead">{t("teamGame.page.intro", { team: view.team.name })}</p>
      </header>
      {view.goal === null ? (
        <p className="notice notice--info">{t("teamGame.page.noGoal", { count: view.finished })}</p>
      ) : (
        <TeamGoal goal={view.goal} finished={view.finished} {...view.week} />
      )}
      {view.leaderboard ? <Leaderboard rows={view.leaderboard} team={view.team.name} /> : null}
    </div>
  );
}
